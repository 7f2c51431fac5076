package fr.relais.hub.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots are Paris wall-clock times, also across the daylight-saving change. */
class PrimeTimeSlotsTest {
    private final PrimeTimeSlots slots = new PrimeTimeSlots(
            List.of(LocalTime.of(20, 45), LocalTime.of(12, 30), LocalTime.of(19, 0)), ZoneId.of("Europe/Paris"));

    @Test
    void the_next_slot_of_the_day_or_the_first_of_the_next_day() {
        assertThat(slots.next(Instant.parse("2026-06-10T08:00:00Z"))).isEqualTo(Instant.parse("2026-06-10T10:30:00Z"));
        assertThat(slots.next(Instant.parse("2026-06-10T10:30:00Z"))).isEqualTo(Instant.parse("2026-06-10T10:30:00Z"));
        assertThat(slots.next(Instant.parse("2026-06-10T17:01:00Z"))).isEqualTo(Instant.parse("2026-06-10T18:45:00Z"));
        assertThat(slots.next(Instant.parse("2026-06-10T19:00:00Z"))).isEqualTo(Instant.parse("2026-06-11T10:30:00Z"));
    }

    @Test
    void nineteen_hours_in_paris_in_winter_and_in_summer() {
        assertThat(slots.next(Instant.parse("2026-03-28T13:00:00Z"))).isEqualTo(Instant.parse("2026-03-28T18:00:00Z")); // UTC+1
        assertThat(slots.next(Instant.parse("2026-03-29T13:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T17:00:00Z")); // UTC+2
    }
}
