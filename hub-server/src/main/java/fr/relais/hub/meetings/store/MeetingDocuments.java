package fr.relais.hub.meetings.store;

import fr.relais.hub.identity.Role;
import fr.relais.hub.meetings.Invitees;
import fr.relais.hub.meetings.Meeting;
import fr.relais.hub.meetings.OccurrenceChange;
import fr.relais.hub.meetings.Occurrences;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code meetings} document: the meeting as written by its organiser, plus fields derived for
 * queries: {@code firstStart}, {@code lastEnd} (null for a series without end) and the invitation
 * flattened into {@code inviteeUserIds}, {@code inviteeRoles}, {@code inviteeFederations},
 * {@code inviteeChannelId}. Local date-times are ISO strings in the meeting's {@code timeZone}.
 */
final class MeetingDocuments {
    private MeetingDocuments() {
    }

    static Document toDocument(Meeting m, long version) {
        List<Document> changes = new ArrayList<>();
        m.changes().forEach((key, c) -> changes.add(new Document("key", key)
                .append("start", c.start() == null ? null : c.start().toString())
                .append("durationMinutes", c.durationMinutes())
                .append("title", c.title())
                .append("agenda", c.agenda())
                .append("cancelled", c.cancelled())));
        Invitees inv = m.invitees();
        return new Document("_id", m.id())
                .append("title", m.title())
                .append("agenda", m.agenda())
                .append("organizerId", m.organizerId())
                .append("start", m.start().toString())
                .append("durationMinutes", m.durationMinutes())
                .append("timeZone", m.timeZone().getId())
                .append("recurrence", m.recurrence())
                .append("exceptions", m.exceptions().stream().map(LocalDateTime::toString).toList())
                .append("changes", changes)
                .append("inviteeUserIds", List.copyOf(inv.userIds()))
                .append("inviteeRoles", inv.roles().stream().map(Role::name).sorted().toList())
                .append("inviteeFederations", List.copyOf(inv.federations()))
                .append("inviteeChannelId", inv.channelId())
                .append("channelId", m.channelId())
                .append("cancelled", m.cancelled())
                .append("roomSecret", m.roomSecret())
                .append("sequence", m.sequence())
                .append("createdAt", Date.from(m.createdAt()))
                .append("updatedAt", Date.from(m.updatedAt()))
                .append("version", version)
                .append("firstStart", Date.from(Occurrences.firstStart(m)))
                .append("lastEnd", Occurrences.lastEnd(m).map(Date::from).orElse(null));
    }

    static Meeting toMeeting(Document d) {
        Map<String, OccurrenceChange> changes = new LinkedHashMap<>();
        for (Document c : d.getList("changes", Document.class, List.of())) {
            String start = c.getString("start");
            changes.put(c.getString("key"), new OccurrenceChange(start == null ? null : LocalDateTime.parse(start),
                    c.getInteger("durationMinutes"), c.getString("title"), c.getString("agenda"),
                    Boolean.TRUE.equals(c.getBoolean("cancelled"))));
        }
        Set<Role> roles = new HashSet<>();
        for (String r : d.getList("inviteeRoles", String.class, List.of())) roles.add(Role.valueOf(r));
        Invitees invitees = new Invitees(new HashSet<>(d.getList("inviteeUserIds", String.class, List.of())), roles,
                new HashSet<>(d.getList("inviteeFederations", String.class, List.of())), d.getString("inviteeChannelId"));
        return new Meeting(d.getString("_id"), d.getString("title"), d.getString("agenda"), d.getString("organizerId"),
                LocalDateTime.parse(d.getString("start")), d.getInteger("durationMinutes"), ZoneId.of(d.getString("timeZone")),
                d.getString("recurrence"),
                d.getList("exceptions", String.class, List.of()).stream().map(LocalDateTime::parse).toList(),
                changes, invitees, d.getString("channelId"), Boolean.TRUE.equals(d.getBoolean("cancelled")),
                d.getString("roomSecret"), d.getInteger("sequence", 0), instant(d, "createdAt"), instant(d, "updatedAt"),
                d.get("version", Number.class).longValue());
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }
}
