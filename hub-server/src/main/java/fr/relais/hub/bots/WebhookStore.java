package fr.relais.hub.bots;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence port for incoming and outgoing webhooks and outgoing deliveries. */
public interface WebhookStore {
    void insertIncoming(IncomingWebhook hook);

    Optional<IncomingWebhook> findIncoming(String id);

    List<IncomingWebhook> incomingOf(String botId);

    boolean deleteIncoming(String id, String botId);

    void insertOutgoing(OutgoingWebhook hook);

    Optional<OutgoingWebhook> findOutgoing(String id);

    List<OutgoingWebhook> outgoingOf(String botId);

    List<OutgoingWebhook> allOutgoing();

    boolean deleteOutgoing(String id, String botId);

    /** Inserts unless a delivery with this id exists (a message is delivered once per webhook). */
    boolean insertDelivery(WebhookDelivery delivery);

    /**
     * Claims one pending delivery due at {@code now}: one atomic update that adds an attempt and moves
     * {@code nextAttemptAt} to {@code leaseUntil}; empty when none is due.
     */
    Optional<WebhookDelivery> claimDue(Instant now, Instant leaseUntil);

    void delivered(String id, int status, Instant at);

    void failedAttempt(String id, @Nullable Integer status, String error, Instant nextAttemptAt, boolean giveUp);

    List<WebhookDelivery> deliveriesOf(String webhookId, WebhookDelivery.@Nullable Status status, int limit);

    Optional<WebhookDelivery> findDelivery(String id);

    /** Makes a failed delivery pending again, due now, attempts reset. */
    boolean retry(String id, Instant now);
}
