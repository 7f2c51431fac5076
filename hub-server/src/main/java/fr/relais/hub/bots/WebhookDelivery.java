package fr.relais.hub.bots;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payload to deliver to an outgoing webhook, with its attempts.
 *
 * @param nextAttemptAt when a node may (re)try it; a node that claims it moves this forward by a lease,
 *                      so a node that dies mid-attempt leaves it to be retried after the lease
 */
public record WebhookDelivery(String id, String webhookId, String botId, String payload, Status status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, @Nullable String lastError,
                              @Nullable Integer lastStatus, @Nullable Instant deliveredAt) {
    public enum Status { PENDING, DELIVERED, FAILED }
}
