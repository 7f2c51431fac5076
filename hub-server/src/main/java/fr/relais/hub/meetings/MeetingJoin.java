package fr.relais.hub.meetings;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Opens a meeting's room for one person: checks they are invited and that the occurrence is open
 * (from {@code joinEarly} before its start to {@code joinLate} after its end), then issues a Jitsi token
 * for that occurrence's room, with moderator rights for the organiser and HQ staff.
 */
@Service
public class MeetingJoin {
    /** Everything a client needs to embed the room (IFrame API) or open it in a new tab. */
    public record JoinInfo(String domain, String deployment, String roomName, String room, String jwt, Instant expiresAt,
                           boolean moderator, String displayName, String externalApiUrl, String joinUrl,
                           Occurrence occurrence) {
    }

    private final MeetingAccess access;
    private final MeetingPlanner planner;
    private final JitsiTokenIssuer tokens;
    private final JitsiProperties jitsi;
    private final MeetingsProperties properties;
    private final Clock clock;

    MeetingJoin(MeetingAccess access, MeetingPlanner planner, JitsiTokenIssuer tokens, JitsiProperties jitsi,
                MeetingsProperties properties, Clock clock) {
        this.access = access;
        this.planner = planner;
        this.tokens = tokens;
        this.jitsi = jitsi;
        this.properties = properties;
        this.clock = clock;
    }

    public JoinInfo join(User user, String meetingId, String occurrenceKey) {
        Meeting m = access.requireVisible(user, meetingId);
        if (!tokens.configured()) throw JitsiTokenIssuer.notConfigured();
        access.requireInvited(user, m);
        if (m.cancelled()) throw new RelaisException(ErrorCode.MEETING_CANCELLED, "This meeting is cancelled");
        Occurrence o = planner.occurrenceOrNext(m, occurrenceKey);
        if (o.cancelled()) throw new RelaisException(ErrorCode.MEETING_CANCELLED, "This occurrence is cancelled");
        Instant now = clock.instant();
        Instant opens = o.start().toInstant().minus(properties.joinEarly());
        Instant closes = o.end().toInstant().plus(properties.joinLate());
        if (now.isBefore(opens) || now.isAfter(closes)) {
            throw new RelaisException(ErrorCode.MEETING_NOT_OPEN, "The room opens " + properties.joinEarly().toMinutes()
                    + " minutes before the start and closes " + properties.joinLate().toMinutes() + " minutes after the end");
        }
        String room = RoomNames.of(m, o.key());
        boolean moderator = access.isModerator(user, m);
        JitsiToken token = tokens.issue(user, room, moderator);
        String roomName = jitsi.roomPath(room);
        String joinUrl = "https://" + jitsi.domain() + "/" + roomName + "?jwt=" + token.jwt()
                + "#userInfo.displayName=%22" + java.net.URLEncoder.encode(user.displayName(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + "%22";
        return new JoinInfo(jitsi.domain(), jitsi.deployment(), roomName, room, token.jwt(), token.expiresAt(), moderator,
                user.displayName(), jitsi.externalApiUrl(), joinUrl, o);
    }
}
