package fr.relais.bench.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The benchmark's baseline: the chat server a Spring developer writes first. Same destinations as the
 * hub ({@code SEND /app/channels.<id>.send}, {@code SUBSCRIBE /topic/channels.<id>}) so that the load
 * generator drives both alike, and the same event shape for the fields it reads ({@code type},
 * {@code channelId}, {@code seq}, {@code text}, {@code clientMessageId}); but no authentication, no
 * storage, no receipts after storage — the default simple broker does the rest.
 *
 * <p>Live reactions ({@code SEND /app/live.<id>.react}, {@code {"emoji":"👏"}}) are fanned out as they
 * come, one {@code live.reaction} frame per reaction to every subscriber of {@code /topic/live.<id>}:
 * what a developer writes first, before thinking of aggregating them.
 */
@SpringBootApplication
@EnableWebSocketMessageBroker
public class BaselineBrokerApp implements WebSocketMessageBrokerConfigurer {
    public static void main(String[] args) {
        SpringApplication.run(BaselineBrokerApp.class, args);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.enableSimpleBroker("/topic", "/queue");
    }

    @Controller
    static class ChatController {
        private final SimpMessagingTemplate template;
        private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();

        ChatController(SimpMessagingTemplate template) {
            this.template = template;
        }

        record Send(String text, String clientMessageId) {
        }

        record Event(String type, String channelId, long seq, String text, String clientMessageId) {
        }

        record React(String emoji) {
        }

        record LiveReaction(String type, String channelId, String emoji, long at) {
        }

        @MessageMapping("/live.{channelId}.react")
        void react(@DestinationVariable String channelId, React react) {
            template.convertAndSend("/topic/live." + channelId,
                    new LiveReaction("live.reaction", channelId, react.emoji(), System.currentTimeMillis()));
        }

        @MessageMapping("/channels.{channelId}.send")
        void send(@DestinationVariable String channelId, Send send) {
            long seq = seqs.computeIfAbsent(channelId, c -> new AtomicLong()).incrementAndGet();
            template.convertAndSend("/topic/channels." + channelId,
                    new Event("message.created", channelId, seq, send.text(), send.clientMessageId()));
        }
    }
}
