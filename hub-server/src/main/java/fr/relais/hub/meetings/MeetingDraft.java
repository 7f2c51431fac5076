package fr.relais.hub.meetings;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A meeting as its organiser describes it (create, or edit the whole series); checked by {@link MeetingPlanner}. */
public record MeetingDraft(String title, @Nullable String agenda, LocalDateTime start, int durationMinutes,
                           ZoneId timeZone, @Nullable String recurrence, List<LocalDateTime> exceptions,
                           Invitees invitees, @Nullable String channelId) {
    public MeetingDraft {
        agenda = agenda == null ? "" : agenda;
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        if (recurrence != null && recurrence.isBlank()) recurrence = null;
        if (recurrence != null && recurrence.startsWith("RRULE:")) recurrence = recurrence.substring("RRULE:".length());
        if (channelId != null && channelId.isBlank()) channelId = null;
    }
}
