package fr.relais.hub.meetings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Meeting settings ({@code relais.meetings}).
 *
 * @param reminderOffsets how long before each occurrence a reminder goes out (default: a day and 15 minutes)
 * @param sweepEvery      how often each node looks for due reminders and meetings starting or ending
 * @param claimRetryAfter a claim not marked done after this long is retried by another sweep (its node died)
 * @param joinEarly       how long before the start invitees may get a Jitsi token
 * @param joinLate        how long after the end they still may (meetings overrun)
 * @param defaultTimeZone time zone of a meeting created without one
 */
@ConfigurationProperties("relais.meetings")
public record MeetingsProperties(List<Duration> reminderOffsets, Duration sweepEvery, Duration claimRetryAfter,
                                 Duration joinEarly, Duration joinLate, ZoneId defaultTimeZone) {
    public MeetingsProperties {
        reminderOffsets = reminderOffsets == null ? List.of(Duration.ofDays(1), Duration.ofMinutes(15))
                : reminderOffsets.stream().filter(d -> !d.isNegative() && !d.isZero()).distinct()
                        .sorted(Comparator.reverseOrder()).toList();
        if (sweepEvery == null) sweepEvery = Duration.ofSeconds(30);
        if (claimRetryAfter == null) claimRetryAfter = Duration.ofMinutes(2);
        if (joinEarly == null) joinEarly = Duration.ofMinutes(15);
        if (joinLate == null) joinLate = Duration.ofMinutes(60);
        if (defaultTimeZone == null) defaultTimeZone = ZoneId.of("Europe/Paris");
    }

    Duration longestOffset() {
        return reminderOffsets.isEmpty() ? Duration.ZERO : reminderOffsets.getFirst();
    }
}
