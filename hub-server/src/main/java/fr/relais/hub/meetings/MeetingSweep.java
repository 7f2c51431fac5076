package fr.relais.hub.meetings;

import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.live.LiveTopic;
import fr.relais.hub.realtime.PersonalEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code relais.meetings.sweep-every}, on every node: finds due reminders and occurrences that
 * started or ended, and acts on each once across all nodes. Each action is first claimed in
 * {@link ReminderClaims} (atomic in MongoDB): the node that wins the claim posts the reminder in the
 * channel (with a clientMessageId derived from the reminder, so a retry after a crash stores it once)
 * and notifies the invitees, then marks the claim done.
 *
 * <p>Rules: a reminder at offset {@code d} is due from {@code start - d} until the start, and only if
 * {@code start - d} is after the meeting was created (no "tomorrow" reminder for a meeting created an hour
 * before). "Started" and "ended" are announced for occurrences that changed state less than a day ago.
 */
@Component
public class MeetingSweep {
    private static final Logger log = LoggerFactory.getLogger(MeetingSweep.class);
    private static final Duration LOOKBACK = Duration.ofDays(1);

    /** What a sweep did (for tests and logs). */
    public record Report(int reminders, int started, int ended) {
    }

    private final MeetingStore store;
    private final ReminderClaims claims;
    private final MeetingsProperties properties;
    private final MeetingAnnouncer announcer;
    private final InviteeDirectory invitees;
    private final UserDirectory users;
    private final PersonalEvents personal;
    private final LiveTopic liveTopic;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    MeetingSweep(MeetingStore store, ReminderClaims claims, MeetingsProperties properties, MeetingAnnouncer announcer,
                 InviteeDirectory invitees, UserDirectory users, PersonalEvents personal, LiveTopic liveTopic, Clock clock) {
        this.store = store;
        this.claims = claims;
        this.properties = properties;
        this.announcer = announcer;
        this.invitees = invitees;
        this.users = users;
        this.personal = personal;
        this.liveTopic = liveTopic;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relais.meetings.sweep-every:PT30S}", initialDelayString = "${relais.meetings.sweep-every:PT30S}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("Meeting sweep failed; next attempt in {}", properties.sweepEvery(), e);
        }
    }

    /** One pass at the hub clock's current time. Safe to run concurrently on any number of nodes. */
    public Report sweep() {
        Instant now = clock.instant();
        Instant to = now.plus(properties.longestOffset()).plusSeconds(1);
        int reminders = 0, started = 0, ended = 0;
        for (Meeting m : store.findActive(now.minus(LOOKBACK), to)) {
            for (Occurrence o : Occurrences.between(m, now.minus(LOOKBACK), to)) {
                if (o.cancelled()) continue;
                for (Duration offset : properties.reminderOffsets()) {
                    if (remind(m, o, offset, now)) reminders++;
                }
                if (o.inProgressAt(now) && once(m, o, "started", now)) {
                    announce(m, MeetingEvents.MeetingLiveChanged.started(o, m));
                    claims.done(m.id(), o.key(), "started", now);
                    started++;
                }
                if (!o.end().toInstant().isAfter(now) && o.end().toInstant().isAfter(m.createdAt()) && once(m, o, "ended", now)) {
                    announce(m, MeetingEvents.MeetingLiveChanged.ended(o, m));
                    claims.done(m.id(), o.key(), "ended", now);
                    ended++;
                }
            }
        }
        return new Report(reminders, started, ended);
    }

    private boolean remind(Meeting m, Occurrence o, Duration offset, Instant now) {
        Instant start = o.start().toInstant();
        Instant due = start.minus(offset);
        if (due.isAfter(now) || !start.isAfter(now) || due.isBefore(m.createdAt())) return false;
        String what = "reminder:" + offset;
        if (!once(m, o, what, now)) return false;
        User organizer = users.findById(m.organizerId()).filter(User::active).orElse(null);
        if (organizer != null) announcer.reminder(organizer, m, o, offset);
        MeetingEvents.MeetingReminded event = MeetingEvents.MeetingReminded.of(o, m, offset.toMinutes());
        for (User invitee : invitees.recipients(m)) personal.send(invitee.id(), event);
        claims.done(m.id(), o.key(), what, now);
        return true;
    }

    private boolean once(Meeting m, Occurrence o, String what, Instant now) {
        return claims.claim(m.id(), o.key(), what, node, now, properties.claimRetryAfter());
    }

    private void announce(Meeting m, MeetingEvents.MeetingLiveChanged event) {
        if (m.channelId() != null) liveTopic.publish(m.channelId(), event);
        List<User> recipients = invitees.recipients(m);
        for (User invitee : recipients) personal.send(invitee.id(), event);
    }
}
