package fr.relais.hub.realtime;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers to the STOMP subscribers connected to this node. Payloads are serialised to JSON once per
 * event, not once per subscriber.
 */
@Component
public class LocalFanout {
    private final SimpMessagingTemplate template;
    private final JsonMapper json;

    LocalFanout(SimpMessagingTemplate template, JsonMapper json) {
        this.template = template;
        this.json = json;
    }

    public byte[] serialize(Object payload) {
        return json.writeValueAsBytes(payload);
    }

    public void toTopic(String destination, byte[] jsonPayload) {
        template.send(destination, MessageBuilder.createMessage(jsonPayload, jsonHeaders()));
    }

    public void toUser(String userId, String queue, Object payload) {
        template.convertAndSendToUser(userId, queue, payload);
    }

    private static MessageHeaders jsonHeaders() {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
