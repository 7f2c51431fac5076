package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.security.AccessTokens;
import fr.relais.hub.infra.security.UserAuthentication;
import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Authenticates STOMP CONNECT with {@code Authorization: Bearer <token>} (any credential
 * {@link AccessTokens} accepts: hub token, personal access token, identity-provider JWT), or else with
 * the browser's single sign-on session that opened the WebSocket (handshake cookie). A CONNECT without
 * valid credentials gets an ERROR frame ({@code code:unauthenticated}) and the socket closes.
 *
 * <p>Every later frame that needs a user re-checks that its session and user are still active
 * ({@code code:session_revoked} otherwise); {@link LiveConnections} also closes such connections at once,
 * without waiting for their next frame.
 */
@Component
class StompAuthentication implements ChannelInterceptor {
    private final AccessTokens tokens;
    private final FrameRefusal refusal;

    StompAuthentication(AccessTokens tokens, FrameRefusal refusal) {
        this.tokens = tokens;
        this.refusal = refusal;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        try {
            return check(message);
        } catch (RelaisException refused) {
            StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            if (accessor == null) throw refused;
            refusal.refuse(accessor, refused);
            return null;
        }
    }

    private Message<?> check(Message<?> message) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) return message;
        if (accessor.getCommand() == StompCommand.CONNECT || accessor.getCommand() == StompCommand.STOMP) {
            String header = accessor.getFirstNativeHeader("Authorization");
            if (header == null) header = accessor.getFirstNativeHeader("authorization");
            if (header == null && accessor.getUser() instanceof UserAuthentication browser) {
                accessor.setUser(tokens.recheck(browser).orElseThrow(
                        () -> new RelaisException(ErrorCode.UNAUTHENTICATED, "The session has ended; sign in again")));
                return message;
            }
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new RelaisException(ErrorCode.UNAUTHENTICATED, "CONNECT needs an Authorization: Bearer <token> header");
            }
            var user = tokens.authenticate(header.substring(7).trim())
                    .orElseThrow(() -> new RelaisException(ErrorCode.UNAUTHENTICATED, "The token is invalid, expired or revoked"));
            accessor.setUser(user);
            return message;
        }
        boolean needsUser = switch (accessor.getCommand()) {
            case SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT -> true;
            default -> false;
        };
        if (needsUser) {
            Principal principal = accessor.getUser();
            if (principal == null) throw new RelaisException(ErrorCode.UNAUTHENTICATED, "Send CONNECT with a token first");
            if (principal instanceof UserAuthentication user && tokens.recheck(user).isEmpty()) {
                throw new RelaisException(ErrorCode.SESSION_REVOKED, "This session was revoked or the account deactivated");
            }
        }
        return message;
    }
}
