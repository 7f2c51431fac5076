package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.identity.User;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Non-fatal errors for one connection: a MESSAGE on {@code /user/queue/errors} of that session only,
 * {@code {"type":"error","code","message","receiptId"?,"clientMessageId"?,"destination"?}}. The
 * connection stays open; the client correlates by receipt id or clientMessageId.
 */
@Component
public class SessionErrors {
    private final ObjectProvider<SimpMessagingTemplate> template;

    SessionErrors(ObjectProvider<SimpMessagingTemplate> template) {
        this.template = template;
    }

    public void send(User user, String sessionId, ErrorCode code, String message, @Nullable String receiptId,
                     @Nullable String clientMessageId, @Nullable String destination) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "error");
        payload.put("code", code.code());
        payload.put("message", message);
        if (receiptId != null) payload.put("receiptId", receiptId);
        if (clientMessageId != null) payload.put("clientMessageId", clientMessageId);
        if (destination != null) payload.put("destination", destination);
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        template.getObject().convertAndSendToUser(user.id(), "/queue/errors", payload, headers.getMessageHeaders());
    }
}
