package fr.relais.hub.relay.web;

import fr.relais.hub.identity.User;
import fr.relais.hub.infra.stomp.StompDestinations;
import fr.relais.hub.relay.RelayTopic;
import org.springframework.stereotype.Component;

/** {@code /topic/relay}: national staff only (review queue and consigne boards, live). */
@Component
class RelayDestinations implements StompDestinations {
    @Override
    public boolean allowsSubscribe(User user, String destination) {
        if (!RelayTopic.DESTINATION.equals(destination)) return false;
        if (!user.isStaff()) throw fr.relais.hub.common.RelaisException.forbidden("The relay board is for national staff");
        return true;
    }

    @Override
    public boolean handlesSend(String destination) {
        return false;
    }
}
