package fr.relais.hub.live.web;

import fr.relais.hub.identity.User;
import fr.relais.hub.live.LiveReactions;
import fr.relais.hub.live.LiveSession;
import fr.relais.hub.live.LiveSessions;
import fr.relais.hub.live.LiveSummary;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A channel's live session over REST: state, start, change, end (moderators), reactions. */
@RestController
@RequestMapping("/api/v1/channels/{channelId}/live")
class LiveController {
    private final LiveSessions sessions;
    private final LiveReactions reactions;

    LiveController(LiveSessions sessions, LiveReactions reactions) {
        this.sessions = sessions;
        this.reactions = reactions;
    }

    /** {@code live} false and no session when the channel is not live; {@code canModerate}: the caller runs sessions here. */
    record LiveStateResponse(boolean live, LiveSession session, boolean canModerate) {
    }

    record LiveRequest(String title, String link, Integer slowModeSeconds) {
        LiveSessions.LiveSettings settings() {
            return new LiveSessions.LiveSettings(title, link, slowModeSeconds);
        }
    }

    record ReactRequest(String emoji) {
    }

    @GetMapping
    LiveStateResponse state(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        boolean moderator = sessions.canModerate(me, channelId);
        return sessions.current(me, channelId).map(s -> new LiveStateResponse(true, s, moderator))
                .orElse(new LiveStateResponse(false, null, moderator));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LiveSession start(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody LiveRequest body) {
        return sessions.start(me, channelId, body.settings());
    }

    @PatchMapping
    LiveSession update(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody LiveRequest body) {
        return sessions.update(me, channelId, body.settings());
    }

    @DeleteMapping
    LiveSummary end(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        return sessions.end(me, channelId, () -> reactions.flush(channelId));
    }

    @PostMapping("/reactions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void react(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody ReactRequest body) {
        reactions.react(me, channelId, body.emoji());
    }
}
