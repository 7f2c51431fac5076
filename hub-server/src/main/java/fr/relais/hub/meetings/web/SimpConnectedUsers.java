package fr.relais.hub.meetings.web;

import fr.relais.hub.meetings.ConnectedUsers;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/** People connected over STOMP to this node, from Spring's user registry (names are user ids). */
@Component
class SimpConnectedUsers implements ConnectedUsers {
    private final SimpUserRegistry registry;

    SimpConnectedUsers(SimpUserRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Set<String> userIds() {
        return registry.getUsers().stream().map(SimpUser::getName).collect(Collectors.toSet());
    }
}
