package fr.relais.hub.live.web;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.stomp.Receipts;
import fr.relais.hub.infra.stomp.SessionErrors;
import fr.relais.hub.live.LiveReactions;
import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Controller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** STOMP SEND {@code /app/live.<channelId>.react} with {@code {"emoji":"👏"}}: a reaction to the live session. */
@Controller
class LiveStompController {
    private final LiveReactions reactions;
    private final UserDirectory users;
    private final Receipts receipts;
    private final SessionErrors errors;
    private final JsonMapper json;

    LiveStompController(LiveReactions reactions, UserDirectory users, Receipts receipts, SessionErrors errors, JsonMapper json) {
        this.reactions = reactions;
        this.users = users;
        this.receipts = receipts;
        this.errors = errors;
        this.json = json;
    }

    record ReactFrame(String emoji) {
    }

    @MessageMapping("/live.{channelId}.react")
    void react(@DestinationVariable String channelId, Message<byte[]> frame, Principal principal) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        User user = users.require(principal.getName());
        try {
            ReactFrame body = json.readValue(frame.getPayload(), ReactFrame.class);
            if (body == null) throw new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be JSON like {\"emoji\":\"👏\"}");
            reactions.react(user, channelId, body.emoji());
            if (headers.getReceipt() != null) receipts.send(headers.getSessionId(), headers.getReceipt());
        } catch (JacksonException e) {
            reject(headers, new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be JSON like {\"emoji\":\"👏\"}"));
        } catch (RelaisException e) {
            reject(headers, e);
        }
    }

    private void reject(StompHeaderAccessor headers, RelaisException e) {
        errors.send(headers.getSessionId(), e.code(), e.getMessage(), headers.getReceipt(), null, headers.getDestination());
    }
}
