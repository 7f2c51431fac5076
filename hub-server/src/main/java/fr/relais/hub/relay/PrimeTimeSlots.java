package fr.relais.hub.relay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The prime-time slots of the day ("content posted at prime time has more impact than in the middle of
 * the night"): local times in a time zone, so 19:00 stays 19:00 in Paris across daylight-saving changes.
 */
public final class PrimeTimeSlots {
    private final List<LocalTime> slots;
    private final ZoneId zone;

    public PrimeTimeSlots(List<LocalTime> slots, ZoneId zone) {
        if (slots.isEmpty()) throw new IllegalArgumentException("at least one slot");
        this.slots = slots.stream().sorted().toList();
        this.zone = zone;
    }

    /** The first slot at or after {@code notBefore}. */
    public Instant next(Instant notBefore) {
        LocalDate day = notBefore.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++, day = day.plusDays(1)) {
            for (LocalTime slot : slots) {
                Instant candidate = day.atTime(slot).atZone(zone).toInstant();
                if (!candidate.isBefore(notBefore)) return candidate;
            }
        }
        throw new IllegalStateException("no slot found");
    }
}
