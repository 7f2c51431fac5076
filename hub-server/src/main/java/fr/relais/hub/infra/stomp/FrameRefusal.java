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
 * Answers a refused frame (CONNECT without a valid token, SUBSCRIBE to something the user may not
 * read) with an ERROR frame — code header, JSON body, like every ERROR frame of {@link StompErrors} —
 * and closes the connection only once that frame is written. The interceptors call this and drop the
 * frame rather than throw: with ordered inbound handling an exception thrown by an interceptor may
 * surface on a worker thread, far from the code that would turn it into an ERROR frame.
 */
@Component
class FrameRefusal {
    private final StompErrors errors;
    private final WebSocketSessions sessions;
    private final StompEncoder encoder = new StompEncoder();

    FrameRefusal(StompErrors errors, WebSocketSessions sessions) {
        this.errors = errors;
        this.sessions = sessions;
    }

    void refuse(StompHeaderAccessor frame, RelaisException refusal) {
        Message<byte[]> error = errors.handleClientMessageProcessingError(null, refusal);
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        if (frame.getReceipt() != null) headers.setReceiptId(frame.getReceipt());
        byte[] bytes = encoder.encode(headers.getMessageHeaders(), error.getPayload());
        sessions.sendAndClose(frame.getSessionId(), new String(bytes, StandardCharsets.UTF_8), CloseStatus.PROTOCOL_ERROR);
    }
}
