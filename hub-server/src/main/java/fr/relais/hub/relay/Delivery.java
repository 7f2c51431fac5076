package fr.relais.hub.relay;

import java.time.Instant;

/** The relay item's message in one federation channel, as reported by the bot and checked by the hub. */
public record Delivery(String itemId, String channelId, String federation, String messageId, long seq, String botId,
                       Instant at) {
}
