package fr.relais.hub.infra.stomp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * What {@code @EnableWebSocketMessageBroker} imports, configured by {@link WebSocketConfig}, with one
 * change: Spring's STOMP handler wraps every socket in its own serialising decorator, but
 * {@code realtime.WebSocketSessions} has already wrapped it in one (shared with the fan-out, same
 * limits and overflow policy). A second one per connection only costs memory (a queue and two locks,
 * about 0.4 KiB per idle connection) and an extra hop per frame.
 */
@Configuration(proxyBeanMethods = false)
class StompBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    @Bean
    @Override
    public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
                                                       AbstractSubscribableChannel clientOutboundChannel) {
        SubProtocolWebSocketHandler handler = new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {
            @Override
            protected WebSocketSession decorateSession(WebSocketSession session) {
                return session instanceof ConcurrentWebSocketSessionDecorator ? session : super.decorateSession(session);
            }
        };
        handler.setPhase(getPhase());
        return handler;
    }
}
