package fr.relais.hub.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * One sitting of a meeting.
 *
 * @param key           stable identity of the occurrence: its original local start as
 *                      {@code yyyyMMdd'T'HHmmss} (the iCalendar RECURRENCE-ID), kept when the occurrence moves
 * @param originalStart the start the series gives it, before any change
 * @param channelId     the meeting's channel, or null
 */
public record Occurrence(String meetingId, String key, ZonedDateTime originalStart, ZonedDateTime start,
                         ZonedDateTime end, String title, String agenda, boolean cancelled, boolean changed,
                         @Nullable String channelId) {

    static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    public static String keyOf(LocalDateTime originalStart) {
        return KEY.format(originalStart);
    }

    public static LocalDateTime parseKey(String key) {
        return LocalDateTime.parse(key, KEY);
    }

    public boolean inProgressAt(Instant now) {
        return !cancelled && !start.toInstant().isAfter(now) && end.toInstant().isAfter(now);
    }
}
