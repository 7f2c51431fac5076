package fr.relais.hub.relay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relay settings ({@code relais.relay}).
 *
 * @param primeTimeSlots   local times approved content goes out at, in {@code timeZone}
 * @param sweepEvery       how often each node looks for due items and consigne deadlines
 * @param claimRetryAfter  when a claimed but unfinished escalation step (its node died) is taken over
 * @param dmAfter          after the deadline: direct message to the federation's coordinators
 * @param hqAfter          after the deadline: alert to HQ (board event, and a post in {@code hqChannel} if set)
 * @param hqChannel        channel id where the relay bot posts HQ alerts (the bot must be a member); empty = board only
 * @param defaultConsigneWindow deadline of a consigne given without one, counted from the relay time
 * @param blackouts        configured blackout windows (for example the legal pre-election silence)
 */
@ConfigurationProperties("relais.relay")
public record RelayProperties(List<String> primeTimeSlots, ZoneId timeZone, Duration sweepEvery,
                              Duration claimRetryAfter, Duration dmAfter, Duration hqAfter, String hqChannel,
                              Duration defaultConsigneWindow, List<Window> blackouts) {
    /** A configured blackout window; {@code from} and {@code to} are ISO-8601 instants. */
    public record Window(String from, String to, String reason) {
    }

    /** The prime-time slots as local times, sorted. */
    public List<LocalTime> slots() {
        return primeTimeSlots.stream().map(s -> LocalTime.parse(s.strip())).sorted().toList();
    }

    public List<Blackout> configuredBlackouts() {
        List<Blackout> result = new java.util.ArrayList<>();
        for (int i = 0; i < blackouts.size(); i++) {
            Window w = blackouts.get(i);
            result.add(new Blackout("config-" + i, Instant.parse(w.from()), Instant.parse(w.to()), w.reason() == null ? "" : w.reason(), null));
        }
        return result;
    }

    public RelayProperties {
        if (primeTimeSlots == null || primeTimeSlots.isEmpty()) {
            primeTimeSlots = List.of("12:30", "19:00", "20:45");
        }
        primeTimeSlots = List.copyOf(primeTimeSlots);
        if (timeZone == null) timeZone = ZoneId.of("Europe/Paris");
        if (sweepEvery == null) sweepEvery = Duration.ofSeconds(30);
        if (claimRetryAfter == null) claimRetryAfter = Duration.ofMinutes(2);
        if (dmAfter == null) dmAfter = Duration.ofHours(2);
        if (hqAfter == null) hqAfter = Duration.ofHours(4);
        if (hqChannel == null) hqChannel = "";
        if (defaultConsigneWindow == null) defaultConsigneWindow = Duration.ofHours(24);
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
    }
}
