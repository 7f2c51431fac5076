package fr.relais.hub.bots.web;

import fr.relais.hub.bots.IncomingWebhooks;
import fr.relais.hub.bots.WebhookSignature;
import fr.relais.hub.chat.Message;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endpoint external systems post alerts to: {@code POST /hooks/in/<id>}. Outside {@code /api}
 * so it needs no bearer token: the HMAC signature of the body is the credential. The body is read up to
 * one byte past the limit, never more.
 */
@RestController
class IncomingWebhookController {
    private final IncomingWebhooks webhooks;
    private final fr.relais.hub.bots.BotsProperties properties;

    IncomingWebhookController(IncomingWebhooks webhooks, fr.relais.hub.bots.BotsProperties properties) {
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @PostMapping("/hooks/in/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> receive(@PathVariable String id, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > properties.webhookMaxBytes()) {
            throw new RelaisException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + properties.webhookMaxBytes() + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(properties.webhookMaxBytes() + 1);
        }
        Message posted = webhooks.receive(id, body, request.getHeader(WebhookSignature.HEADER));
        return Map.of("messageId", posted.id(), "channelId", posted.channelId(), "seq", posted.seq());
    }
}
