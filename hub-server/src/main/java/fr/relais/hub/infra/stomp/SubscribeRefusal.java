package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.realtime.WebSocketSessions;
import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Answers a refused SUBSCRIBE with an ERROR frame (code header, JSON body, like every ERROR frame of
 * {@link StompErrors}) and closes the connection only once the frame is written.
 */
@Component
class SubscribeRefusal {
    private final StompErrors errors;
    private final WebSocketSessions sessions;
    private final StompEncoder encoder = new StompEncoder();

    SubscribeRefusal(StompErrors errors, WebSocketSessions sessions) {
        this.errors = errors;
        this.sessions = sessions;
    }

    void refuse(StompHeaderAccessor subscribe, RelaisException refusal) {
        Message<byte[]> error = errors.handleClientMessageProcessingError(null, refusal);
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        if (subscribe.getReceipt() != null) headers.setReceiptId(subscribe.getReceipt());
        byte[] frame = encoder.encode(headers.getMessageHeaders(), error.getPayload());
        sessions.sendAndClose(subscribe.getSessionId(), new String(frame, StandardCharsets.UTF_8), CloseStatus.PROTOCOL_ERROR);
    }
}
