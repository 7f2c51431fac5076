package fr.relais.hub.presence.web;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.stomp.SessionErrors;
import fr.relais.hub.presence.PresenceStatus;
import fr.relais.hub.presence.PresenceTracker;
import fr.relais.hub.presence.TypingRelay;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Presence and typing over STOMP, and a REST look-up of presence. */
@Controller
class PresenceController {
    private final PresenceTracker presence;
    private final TypingRelay typing;
    private final UserDirectory users;
    private final SessionErrors errors;
    private final JsonMapper json;

    PresenceController(PresenceTracker presence, TypingRelay typing, UserDirectory users, SessionErrors errors, JsonMapper json) {
        this.presence = presence;
        this.typing = typing;
        this.users = users;
        this.errors = errors;
        this.json = json;
    }

    record TypingFrame(String threadId) {
    }

    record PresenceFrame(String status) {
    }

    @MessageMapping("/channels.{channelId}.typing")
    void typing(@DestinationVariable String channelId, Message<byte[]> frame, Principal principal) {
        User user = users.require(principal.getName());
        try {
            TypingFrame body = frame.getPayload().length == 0 ? new TypingFrame(null) : json.readValue(frame.getPayload(), TypingFrame.class);
            typing.typing(user, channelId, body.threadId());
        } catch (JacksonException e) {
            reject(frame, new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be JSON like {} or {\"threadId\":\"...\"}"));
        } catch (RelaisException e) {
            reject(frame, e);
        }
    }

    @MessageMapping("/presence")
    void choose(Message<byte[]> frame, Principal principal) {
        User user = users.require(principal.getName());
        try {
            PresenceFrame body = json.readValue(frame.getPayload(), PresenceFrame.class);
            presence.choose(user.id(), PresenceStatus.valueOf(String.valueOf(body.status()).toUpperCase(java.util.Locale.ROOT)));
        } catch (JacksonException | IllegalArgumentException e) {
            reject(frame, new RelaisException(ErrorCode.VALIDATION_FAILED, "The body must be {\"status\":\"online\"} or {\"status\":\"away\"}"));
        }
    }

    @GetMapping("/api/v1/presence")
    @ResponseBody
    Map<String, String> lookup(@RequestParam List<String> userIds) {
        return presence.statusesOf(userIds.stream().limit(500).toList());
    }

    private void reject(Message<byte[]> frame, RelaisException e) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        errors.send(headers.getSessionId(), e.code(), e.getMessage(), headers.getReceipt(), null, headers.getDestination());
    }
}
