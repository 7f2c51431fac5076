package fr.relais.hub.meetings;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * Creates and changes meetings: the whole series, one occurrence, cancellation, answers. Checks the
 * rules ({@link MeetingAccess}, the recurrence, the invitations) and announces in the meeting's channel.
 */
@Service
public class MeetingPlanner {
    static final int MAX_TITLE = 200;
    static final int MAX_AGENDA = 20_000;
    static final int MAX_DURATION_MINUTES = 12 * 60;

    private final MeetingStore store;
    private final MeetingAccess access;
    private final ChannelAccess channelAccess;
    private final UserDirectory users;
    private final FederationCatalog federations;
    private final MeetingAnnouncer announcer;
    private final Clock clock;

    MeetingPlanner(MeetingStore store, MeetingAccess access, ChannelAccess channelAccess, UserDirectory users,
                   FederationCatalog federations, MeetingAnnouncer announcer, Clock clock) {
        this.store = store;
        this.access = access;
        this.channelAccess = channelAccess;
        this.users = users;
        this.federations = federations;
        this.announcer = announcer;
        this.clock = clock;
    }

    public Meeting create(User organizer, MeetingDraft draft) {
        if (!access.canSchedule(organizer)) {
            throw RelaisException.forbidden("Only HQ staff and federation coordinators schedule meetings");
        }
        check(organizer, draft);
        Instant now = clock.instant();
        Meeting meeting = new Meeting(store.newId(), draft.title().strip(), draft.agenda(), organizer.id(), draft.start(),
                draft.durationMinutes(), draft.timeZone(), draft.recurrence(), draft.exceptions(), Map.of(),
                draft.invitees(), draft.channelId(), false, RoomNames.newSecret(), 0, now, now, 0);
        store.insert(meeting);
        Occurrences.next(meeting, now).ifPresent(first -> announcer.scheduled(organizer, meeting, first));
        return meeting;
    }

    /** Changes the whole series; per-occurrence changes of occurrences that still exist are kept. */
    public Meeting updateSeries(User user, String meetingId, MeetingDraft draft) {
        return change(user, meetingId, m -> {
            check(user, draft);
            Meeting candidate = m.withSeries(draft, Map.of(), clock.instant());
            Map<String, OccurrenceChange> kept = new HashMap<>();
            m.changes().forEach((key, change) -> {
                if (Occurrences.find(candidate, key).isPresent()) kept.put(key, change);
            });
            return m.withSeries(draft, kept, clock.instant());
        });
    }

    public Meeting updateOccurrence(User user, String meetingId, String occurrenceKey, OccurrenceChange change) {
        if (change.title() != null) checkTitle(change.title());
        if (change.agenda() != null && change.agenda().length() > MAX_AGENDA) throw RelaisException.invalid("agenda is too long");
        if (change.durationMinutes() != null) checkDuration(change.durationMinutes());
        return change(user, meetingId, m -> {
            requireOccurrence(m, occurrenceKey);
            return m.withChange(occurrenceKey, change, clock.instant());
        });
    }

    public Meeting cancelOccurrence(User user, String meetingId, String occurrenceKey) {
        Meeting updated = change(user, meetingId, m -> {
            requireOccurrence(m, occurrenceKey);
            return m.withChange(occurrenceKey, OccurrenceChange.cancellation(), clock.instant());
        });
        Occurrences.find(updated, occurrenceKey).ifPresent(o -> announcer.occurrenceCancelled(user, updated, o));
        return updated;
    }

    public Meeting cancel(User user, String meetingId) {
        Meeting updated = change(user, meetingId, m -> {
            if (m.cancelled()) throw new RelaisException(ErrorCode.MEETING_CANCELLED, "This meeting is already cancelled");
            return m.cancelledAt(clock.instant());
        });
        announcer.cancelled(user, updated);
        return updated;
    }

    public RsvpCounts answer(User user, String meetingId, String occurrenceKey, RsvpAnswer answer) {
        Meeting m = access.requireVisible(user, meetingId);
        access.requireInvited(user, m);
        Occurrence o = requireOccurrence(m, occurrenceKey);
        if (o.cancelled()) throw new RelaisException(ErrorCode.MEETING_CANCELLED, "This occurrence is cancelled");
        store.saveRsvp(m.id(), o.key(), user.id(), answer, clock.instant());
        return counts(user, m, o.key());
    }

    public RsvpCounts counts(User viewer, Meeting m, String occurrenceKey) {
        Map<String, RsvpAnswer> answers = store.rsvps(m.id(), occurrenceKey);
        int yes = 0, no = 0, maybe = 0;
        for (RsvpAnswer a : answers.values()) {
            switch (a) {
                case YES -> yes++;
                case NO -> no++;
                case MAYBE -> maybe++;
            }
        }
        return new RsvpCounts(yes, no, maybe, answers.get(viewer.id()));
    }

    /** Occurrences of the caller's meetings overlapping {@code [from, to)}, ordered by start. */
    public List<Occurrence> agenda(User user, Instant from, Instant to) {
        List<String> readable = access.readableChannelIds(user);
        return store.findFor(user.id(), user.roles(), user.federation(), readable, from, to).stream()
                .filter(m -> access.isInvited(user, m))
                .flatMap(m -> Occurrences.between(m, from, to).stream())
                .sorted(java.util.Comparator.comparing(o -> o.start().toInstant()))
                .toList();
    }

    /** The caller's meetings that may have occurrences in {@code [from, to)} (for the calendar feed). */
    public List<Meeting> meetingsOf(User user, Instant from, Instant to) {
        return store.findFor(user.id(), user.roles(), user.federation(), access.readableChannelIds(user), from, to).stream()
                .filter(m -> access.isInvited(user, m)).toList();
    }

    /** Meetings announced in this channel with an occurrence in progress now (the channel's "now live"). */
    public List<Occurrence> liveInChannel(User user, String channelId) {
        channelAccess.requireRead(user, channelId);
        Instant now = clock.instant();
        return store.findInChannel(channelId, now, now.plusSeconds(1)).stream()
                .filter(m -> access.canSee(user, m))
                .flatMap(m -> Occurrences.between(m, now, now.plusSeconds(1)).stream())
                .filter(o -> o.inProgressAt(now))
                .toList();
    }

    public Occurrence requireOccurrence(Meeting m, String occurrenceKey) {
        return Occurrences.find(m, occurrenceKey)
                .orElseThrow(() -> new RelaisException(ErrorCode.OCCURRENCE_NOT_FOUND, "This meeting has no such occurrence"));
    }

    /** The occurrence asked for, or the one in progress / next when none is named. */
    public Occurrence occurrenceOrNext(Meeting m, String occurrenceKey) {
        if (occurrenceKey != null && !occurrenceKey.isBlank()) return requireOccurrence(m, occurrenceKey);
        Optional<Occurrence> next = Occurrences.next(m, clock.instant());
        return next.orElseThrow(() -> new RelaisException(ErrorCode.OCCURRENCE_NOT_FOUND, "This meeting has no coming occurrence"));
    }

    private Meeting change(User user, String meetingId, UnaryOperator<Meeting> change) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Meeting current = access.requireEditable(user, meetingId);
            if (current.cancelled()) throw new RelaisException(ErrorCode.MEETING_CANCELLED, "This meeting is cancelled");
            Meeting updated = change.apply(current);
            if (store.replace(updated)) return store.findById(meetingId).orElseThrow();
        }
        throw new RelaisException(ErrorCode.CONFLICT, "The meeting was changed meanwhile; reload it and try again");
    }

    private void check(User organizer, MeetingDraft d) {
        checkTitle(d.title());
        if (d.agenda().length() > MAX_AGENDA) throw RelaisException.invalid("agenda is at most " + MAX_AGENDA + " characters");
        if (d.start() == null) throw RelaisException.invalid("start is required (local date-time in the time zone)");
        if (d.timeZone() == null) throw RelaisException.invalid("timeZone is required");
        checkDuration(d.durationMinutes());
        if (d.recurrence() != null) {
            Recurrence.check(d.recurrence(), d.start().atZone(d.timeZone()));
        } else if (!d.exceptions().isEmpty()) {
            throw new RelaisException(ErrorCode.INVALID_RECURRENCE, "exceptions need a recurrence");
        }
        for (LocalDateTime exception : d.exceptions()) {
            if (exception.isBefore(d.start())) throw new RelaisException(ErrorCode.INVALID_RECURRENCE, "an exception is before the start");
        }
        checkInvitees(organizer, d.invitees());
        if (d.channelId() != null) {
            Channel channel = channelAccess.require(organizer, d.channelId(), ChannelAction.POST);
            if (channel.kind() == ChannelKind.DIRECT) throw RelaisException.invalid("Announce a meeting in a channel or group, not a direct message");
        }
    }

    private void checkInvitees(User organizer, Invitees invitees) {
        if (invitees.isEmpty()) throw RelaisException.invalid("invite at least one person, role, federation or channel");
        if (invitees.userIds().size() > 2000) throw RelaisException.invalid("at most 2000 named invitees; invite a role, federation or channel");
        if (!invitees.userIds().isEmpty() && users.findByIds(List.copyOf(invitees.userIds())).size() != invitees.userIds().size()) {
            throw new RelaisException(ErrorCode.USER_NOT_FOUND, "An invitee does not exist");
        }
        for (String f : invitees.federations()) {
            if (federations.find(f).isEmpty()) throw RelaisException.invalid("unknown federation: " + f);
        }
        if (invitees.channelId() != null) channelAccess.requireRead(organizer, invitees.channelId());
        if (!organizer.isStaff()) {
            if (!invitees.roles().isEmpty()) throw RelaisException.forbidden("Only HQ staff invite a whole role");
            if (invitees.federations().stream().anyMatch(f -> !f.equals(organizer.federation()))) {
                throw RelaisException.forbidden("A coordinator invites their own federation only");
            }
        }
    }

    private static void checkTitle(String title) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw RelaisException.invalid("title must be 1 to " + MAX_TITLE + " characters");
        }
    }

    private static void checkDuration(int minutes) {
        if (minutes < 5 || minutes > MAX_DURATION_MINUTES) {
            throw RelaisException.invalid("durationMinutes must be between 5 and " + MAX_DURATION_MINUTES);
        }
    }
}
