package fr.relais.hub.bots;

import java.time.Instant;
import java.util.List;

/**
 * Messages of a channel sent to an external URL, signed with the webhook's secret: every new top-level
 * message, or only those whose first word is one of {@code triggerWords}.
 */
public record OutgoingWebhook(String id, String botId, String channelId, List<String> triggerWords, String url,
                              String sealedSecret, Instant createdAt, String createdBy) {
    public OutgoingWebhook {
        triggerWords = List.copyOf(triggerWords);
    }
}
