package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The map of STOMP destinations, assembled from every feature's {@link StompDestinations}: which a
 * client may subscribe to, and which SEND destinations the hub handles. Personal queues and presence
 * are open to every authenticated user.
 */
@Component
class DestinationAuthorizer {
    private static final Set<String> PERSONAL = Set.of("/user/queue/events", "/user/queue/errors", "/topic/presence");
    private static final Set<String> OTHER_SENDS = Set.of("/app/presence");

    private final List<StompDestinations> features;

    DestinationAuthorizer(List<StompDestinations> features) {
        this.features = features;
    }

    void checkSubscribe(User user, String destination) {
        if (PERSONAL.contains(destination)) return;
        for (StompDestinations feature : features) {
            if (feature.allowsSubscribe(user, destination)) return;
        }
        throw new RelaisException(ErrorCode.UNKNOWN_DESTINATION, "Cannot subscribe to " + destination);
    }

    boolean isHandledSend(String destination) {
        return OTHER_SENDS.contains(destination) || features.stream().anyMatch(f -> f.handlesSend(destination));
    }
}
