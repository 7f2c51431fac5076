package fr.relais.hub.bots;

import java.time.Instant;

/** A URL external systems post alerts to; messages appear in {@code channelId} as written by the bot. */
public record IncomingWebhook(String id, String botId, String channelId, String name, String sealedSecret,
                              Instant createdAt, String createdBy) {
}
