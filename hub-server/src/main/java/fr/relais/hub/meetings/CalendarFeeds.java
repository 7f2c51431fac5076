package fr.relais.hub.meetings;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Per-person calendar feeds: a secret URL any calendar app can subscribe to without logging in. The
 * secret (256 random bits) only gives that person's meetings, can be replaced at any time, and stops
 * working when the account is deactivated. The feed covers meetings from 60 days back onwards.
 */
@Service
public class CalendarFeeds {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration PAST = Duration.ofDays(60);
    static final Duration FUTURE = Duration.ofDays(3660);

    private final MeetingStore store;
    private final MeetingPlanner planner;
    private final MeetingAccess access;
    private final UserDirectory users;
    private final Clock clock;

    CalendarFeeds(MeetingStore store, MeetingPlanner planner, MeetingAccess access, UserDirectory users, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.access = access;
        this.users = users;
        this.clock = clock;
    }

    public String secretOf(User user) {
        return store.feedSecret(user.id(), newSecret());
    }

    public String resetSecret(User user) {
        String secret = newSecret();
        store.replaceFeedSecret(user.id(), secret);
        return secret;
    }

    /** The feed's iCalendar text; "not found" for an unknown secret or an inactive account. */
    public String feed(String secret, Function<String, String> pageUrl) {
        User user = store.userForFeedSecret(secret).flatMap(users::findById).filter(User::active)
                .orElseThrow(() -> new RelaisException(ErrorCode.NOT_FOUND, "No such calendar"));
        Instant now = clock.instant();
        List<Meeting> meetings = planner.meetingsOf(user, now.minus(PAST), now.plus(FUTURE));
        return MeetingCalendar.write(meetings, "Relais — réunions de " + user.displayName(), now, pageUrl);
    }

    /** One meeting's iCalendar text, for those who may see it. */
    public String meeting(User user, String meetingId, Function<String, String> pageUrl) {
        Meeting m = access.requireVisible(user, meetingId);
        return MeetingCalendar.write(List.of(m), m.title(), clock.instant(), pageUrl);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
