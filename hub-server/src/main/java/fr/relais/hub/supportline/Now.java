package fr.relais.hub.supportline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The support line's "now": millisecond precision, as MongoDB stores dates, so an answer never differs from a re-read. */
final class Now {
    static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Now() {
    }
}
