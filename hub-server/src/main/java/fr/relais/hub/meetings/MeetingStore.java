package fr.relais.hub.meetings;

import fr.relais.hub.identity.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Persistence port for meetings, answers and calendar feed secrets (implemented in {@code store/}). */
public interface MeetingStore {
    String newId();

    void insert(Meeting meeting);

    /**
     * Replaces the meeting if it is still at {@code meeting.version()}; stores it with version + 1.
     *
     * @return false when someone else changed it meanwhile
     */
    boolean replace(Meeting meeting);

    Optional<Meeting> findById(String id);

    /**
     * Meetings, not cancelled, that may have an occurrence overlapping {@code [from, to)}, and that the
     * given person organises or is invited to (by id, role, federation or one of the channels).
     */
    List<Meeting> findFor(String userId, Set<Role> roles, String federation, Collection<String> readableChannelIds,
                          Instant from, Instant to);

    /** Every meeting, not cancelled, that may have an occurrence overlapping {@code [from, to)} (the sweep). */
    List<Meeting> findActive(Instant from, Instant to);

    /** Meetings announced in this channel that may have an occurrence overlapping {@code [from, to)}. */
    List<Meeting> findInChannel(String channelId, Instant from, Instant to);

    void saveRsvp(String meetingId, String occurrenceKey, String userId, RsvpAnswer answer, Instant at);

    /** Answers to one occurrence, by user id. */
    Map<String, RsvpAnswer> rsvps(String meetingId, String occurrenceKey);

    /** The user's calendar feed secret, created on first use. */
    String feedSecret(String userId, String candidate);

    /** A new secret for the user's feed (the old URL stops working). */
    void replaceFeedSecret(String userId, String secret);

    Optional<String> userForFeedSecret(String secret);
}
