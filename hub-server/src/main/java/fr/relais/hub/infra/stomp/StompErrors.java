package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Shapes the ERROR frames of fatal problems (unauthenticated CONNECT, refused SUBSCRIBE, unreadable
 * or oversized frames): a {@code code} header with the stable error code, a short {@code message}
 * header, and a JSON body {@code {"code","message"}} — never a stack trace. STOMP closes the
 * connection after an ERROR frame.
 */
@Component
class StompErrors extends StompSubProtocolErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(StompErrors.class);

    @Override
    public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
        RelaisException refusal = findRefusal(ex);
        ErrorCode code;
        String text;
        if (refusal != null) {
            code = refusal.code();
            text = refusal.getMessage();
        } else if (isFrameTooLarge(ex)) {
            code = ErrorCode.FRAME_TOO_LARGE;
            text = "The frame is larger than the server accepts";
        } else if (findCause(ex, StompConversionException.class) != null || ex instanceof IllegalArgumentException) {
            code = ErrorCode.VALIDATION_FAILED;
            text = "The frame is not valid STOMP";
        } else {
            log.warn("Unexpected error on a STOMP frame", ex);
            code = ErrorCode.INTERNAL_ERROR;
            text = "Something went wrong on our side; it has been logged";
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(text);
        error.setNativeHeader("code", code.code());
        error.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        if (clientMessage != null) {
            StompHeaderAccessor client = StompHeaderAccessor.wrap(clientMessage);
            if (client.getReceipt() != null) error.setReceiptId(client.getReceipt());
        }
        String body = "{\"code\":\"" + code.code() + "\",\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders());
    }

    private static boolean isFrameTooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("exceeded") || m.contains("too large") || m.contains("size limit"))) return true;
        }
        return false;
    }

    private static @Nullable RelaisException findRefusal(Throwable ex) {
        return findCause(ex, RelaisException.class);
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
