package fr.relais.hub.infra.stomp;

import fr.relais.hub.infra.security.SecurityProperties;
import fr.relais.hub.realtime.SubscriptionTracker;
import fr.relais.hub.realtime.WebSocketSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The STOMP flow as Spring documents it: inbound channel → gate interceptors → {@code @MessageMapping}
 * under {@code /app} → broker ({@code /queue}, {@code /user/**}) → outbound channel. {@code /topic/...}
 * subscriptions are kept by {@code realtime.TopicSubscriptions} alone (the fan-out writes topic events
 * straight to the sockets), so the simple broker does not hold a second copy of each one per connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StompLimits.class)
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer, org.springframework.beans.factory.DisposableBean {
    private static final int CHANNEL_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final SecurityProperties security;
    private final StompLimits limits;
    private final StompAuthentication authentication;
    private final StompGate gate;
    private final StompErrors errors;
    private final SubscribeReceipts subscribeReceipts;
    private final LiveConnections liveConnections;
    private final SubscriptionTracker subscriptionTracker;
    private final WebSocketSessions sessions;

    WebSocketConfig(SecurityProperties security, StompLimits limits, StompAuthentication authentication, StompGate gate,
                    StompErrors errors, SubscribeReceipts subscribeReceipts, LiveConnections liveConnections,
                    SubscriptionTracker subscriptionTracker, WebSocketSessions sessions) {
        this.security = security;
        this.limits = limits;
        this.authentication = authentication;
        this.gate = gate;
        this.errors = errors;
        this.subscribeReceipts = subscribeReceipts;
        this.liveConnections = liveConnections;
        this.subscriptionTracker = subscriptionTracker;
        this.sessions = sessions;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Browsers always send Origin: only the configured origins may open a socket (cross-site WebSocket hijacking).
        registry.addEndpoint("/ws").setAllowedOrigins(security.allowedOrigins().toArray(String[]::new));
        registry.setErrorHandler(errors);
        // Frames of one connection are handled in the order they arrived, by several threads across connections.
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.enableSimpleBroker("/queue") // personal queues only; topics: see the class comment
                .setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeatScheduler);
        // Messages to one connection leave in the order they were published, with several outbound threads.
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(limits.maxFrameBytes())
                .setSendBufferSizeLimit(limits.outboundBufferBytes())
                .setSendTimeLimit(limits.outboundTimeLimitMs())
                .addDecoratorFactory(sessions) // one shared, serialising decorator per socket (fan-out writes through it)
                .addDecoratorFactory(liveConnections); // live connections by user, closed at once on revocation
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(CHANNEL_THREADS).maxPoolSize(CHANNEL_THREADS);
        registration.interceptors(authentication, gate, subscriptionTracker, subscribeReceipts);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(CHANNEL_THREADS).maxPoolSize(CHANNEL_THREADS);
    }

    /**
     * Heart-beats only. Deliberately not a bean: a lone executor bean would become the executor of the
     * inbound and outbound channels too (Boot then creates no task executor), funnelling every frame
     * through one thread.
     */
    private final ThreadPoolTaskScheduler heartbeatScheduler = newHeartbeatScheduler();

    private static ThreadPoolTaskScheduler newHeartbeatScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-heartbeat-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    @Override
    public void destroy() {
        heartbeatScheduler.shutdown();
    }

    /**
     * Tomcat allocates these buffers for every connection, idle or not, so they stay small: a
     * {@code char[]} for incoming text and a {@code byte[]} for incoming binary messages (STOMP is text,
     * so the binary one is minimal). Longer WebSocket messages reach STOMP in parts (see
     * {@code realtime.WebSocketSessions}, which accepts partial messages), where the STOMP decoder
     * reassembles them and enforces {@code max-frame-bytes} with a {@code frame_too_large} ERROR frame.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        return container;
    }

    /** Last of the servlet filters, on the WebSocket endpoint only (see {@link HandshakeHeaders}). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<HandshakeHeaders> handshakeHeaders() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new HandshakeHeaders());
        registration.addUrlPatterns("/ws");
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat's per-connection socket read and write buffers (8 KiB each by default) also stay allocated
     * while a connection is idle. Fan-out frames and SENDs are a few hundred bytes; a longer write
     * bypasses the buffer, a longer read takes several reads. HTTP requests have their own header buffer.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallConnectionBuffers() {
        return factory -> {
            smallWebSocketBuffers();
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER_BYTES));
                connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_READ_BUFFER_BYTES));
            });
        };
    }

    /**
     * Tomcat's WebSocket layer gives every connection three more buffers of this size (frame input,
     * frame output, UTF-8 encoding), 8 KiB each by default, read once from a system property when its
     * WebSocket classes load. This runs before the server starts, so before they load. Fan-out frames do
     * not use them (they are written from their ready bytes through the socket write buffer, see
     * {@code realtime.EncodedTextSession}); a longer incoming frame is read in several parts, and a longer
     * frame sent by Spring (a receipt, a personal event) goes out as several WebSocket fragments. 512
     * bytes each saves 4.5 KiB per connection against 2 KiB. An explicit
     * {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} wins.
     */
    private static void smallWebSocketBuffers() {
        if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER_PROPERTY) == null) {
            System.setProperty(TOMCAT_WEBSOCKET_BUFFER_PROPERTY, Integer.toString(WEBSOCKET_BUFFER_BYTES));
        }
    }

    private static final int TEXT_BUFFER_CHARS = 512;
    private static final int SOCKET_READ_BUFFER_BYTES = 1024;
    private static final String TOMCAT_WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    private static final int WEBSOCKET_BUFFER_BYTES = 512;
    private static final int BINARY_BUFFER_BYTES = 512;
    private static final int SOCKET_WRITE_BUFFER_BYTES = 2048;
}
