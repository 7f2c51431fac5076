package fr.relais.hub.infra.security;

import fr.relais.hub.identity.AccessRevocations;
import fr.relais.hub.identity.AccessRevoked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Delivers revocations to the listeners of this node, synchronously: when {@code publish} returns,
 * the caches are cleared and the live connections concerned are being closed. Only right for a
 * single node; several nodes need an implementation that fans out between them.
 */
@Component
class InProcessAccessRevocations implements AccessRevocations {
    private final ApplicationEventPublisher events;

    InProcessAccessRevocations(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(AccessRevoked event) {
        events.publishEvent(event);
    }
}
