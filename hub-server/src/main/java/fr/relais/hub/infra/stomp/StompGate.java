package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Every SUBSCRIBE and SEND passes here after authentication.
 *
 * <ul>
 *   <li>SUBSCRIBE: only known destinations; a channel topic only for readers of the channel
 *       (asked of {@link DestinationAuthorizer}). A refusal is an ERROR frame, and nothing of the
 *       channel is ever delivered on that connection.</li>
 *   <li>SEND: only to {@code /app/...} destinations the hub handles (never straight to a broker topic),
 *       within the connection's rate limit. A refusal is an error event on {@code /user/queue/errors}
 *       (with the frame's receipt id), and the connection carries on.</li>
 * </ul>
 * The user is re-read on every frame so that a deactivated account stops at once.
 */
@Component
class StompGate implements ChannelInterceptor {
    private static final Pattern APP_DESTINATION = Pattern.compile("/app/[a-z]+(\\.[A-Za-z0-9_-]+)*");

    private final UserDirectory users;
    private final DestinationAuthorizer authorizer;
    private final SendRateLimiter rateLimiter;
    private final SessionErrors errors;
    private final FrameRefusal refusal;

    StompGate(UserDirectory users, DestinationAuthorizer authorizer, SendRateLimiter rateLimiter, SessionErrors errors,
              FrameRefusal refusal) {
        this.users = users;
        this.authorizer = authorizer;
        this.rateLimiter = rateLimiter;
        this.errors = errors;
        this.refusal = refusal;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null) return message;
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.DISCONNECT) {
            rateLimiter.forget(accessor.getSessionId());
            return message;
        }
        if (command != StompCommand.SUBSCRIBE && command != StompCommand.SEND) return message;
        User user;
        try {
            user = currentUser(accessor.getUser());
        } catch (RelaisException refused) {
            refusal.refuse(accessor, refused);
            return null;
        }
        String destination = accessor.getDestination() == null ? "" : accessor.getDestination();
        if (command == StompCommand.SUBSCRIBE) {
            try {
                authorizer.checkSubscribe(user, destination);
            } catch (RelaisException refused) {
                // ERROR frame, then close once it is written (nothing of the destination is ever delivered).
                refusal.refuse(accessor, refused);
                return null;
            }
            return message;
        }
        if (!rateLimiter.tryAcquire(accessor.getSessionId(), user.isBot())) {
            errors.send(accessor.getSessionId(), ErrorCode.RATE_LIMITED,
                    "Too many messages from this connection; slow down", accessor.getReceipt(), null, destination);
            return null;
        }
        Matcher m = APP_DESTINATION.matcher(destination);
        if (!m.matches() || !authorizer.isHandledSend(destination)) {
            errors.send(accessor.getSessionId(), ErrorCode.UNKNOWN_DESTINATION,
                    "Nothing handles SEND to " + truncate(destination), accessor.getReceipt(), null, destination);
            return null;
        }
        return message;
    }

    private User currentUser(Principal principal) {
        if (principal == null) throw new RelaisException(ErrorCode.UNAUTHENTICATED, "Send CONNECT with a token first");
        return users.findById(principal.getName()).filter(User::active)
                .orElseThrow(() -> new RelaisException(ErrorCode.UNAUTHENTICATED, "This account is no longer active"));
    }

    private static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
