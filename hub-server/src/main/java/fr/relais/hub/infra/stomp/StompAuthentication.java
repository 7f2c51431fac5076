package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.security.AccessTokens;
import fr.relais.hub.infra.security.UserAuthentication;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Authenticates STOMP CONNECT with {@code Authorization: Bearer <token>}; a CONNECT without a valid
 * token gets an ERROR frame ({@code code:unauthenticated}) and the socket closes. Any other frame on a
 * connection without a user is refused the same way.
 */
@Component
class StompAuthentication implements ChannelInterceptor {
    private final AccessTokens tokens;

    StompAuthentication(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) return message;
        if (accessor.getCommand() == StompCommand.CONNECT || accessor.getCommand() == StompCommand.STOMP) {
            String header = accessor.getFirstNativeHeader("Authorization");
            if (header == null) header = accessor.getFirstNativeHeader("authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new RelaisException(ErrorCode.UNAUTHENTICATED, "CONNECT needs an Authorization: Bearer <token> header");
            }
            var user = tokens.authenticate(header.substring(7).trim())
                    .orElseThrow(() -> new RelaisException(ErrorCode.UNAUTHENTICATED, "The token is invalid or expired"));
            accessor.setUser(new UserAuthentication(user));
            return message;
        }
        boolean needsUser = switch (accessor.getCommand()) {
            case SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT -> true;
            default -> false;
        };
        if (needsUser && accessor.getUser() == null) {
            throw new RelaisException(ErrorCode.UNAUTHENTICATED, "Send CONNECT with a token first");
        }
        return message;
    }
}
