package fr.relais.hub.bots.store;

import fr.relais.hub.infra.mongo.JsonDocuments;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.bots.IncomingWebhook;
import fr.relais.hub.bots.OutgoingWebhook;
import fr.relais.hub.bots.WebhookDelivery;
import fr.relais.hub.bots.WebhookStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Webhook collections.
 * <ul>
 *   <li>{@code bot_incoming_webhooks}, {@code bot_outgoing_webhooks}: {@code _id} = webhook id, the secret
 *       only sealed ({@code sealedSecret}, see {@code SecretBox}); index on {@code botId}.</li>
 *   <li>{@code bot_webhook_deliveries}: {@code _id = webhookId-messageId} (a message is queued once per
 *       webhook, whichever node sees it), {@code status}, {@code attempts}, {@code q_next} (BSON date of
 *       {@code nextAttemptAt}); index {@code (status, q_next)} finds due ones; index
 *       {@code (webhookId, q_created)} lists a webhook's deliveries.</li>
 * </ul>
 * @implNote A due delivery is claimed with one {@code findOneAndUpdate} that increments {@code attempts} and
 * pushes {@code q_next} past a lease: two nodes can never claim the same attempt.
 */
@Repository
class MongoWebhookStore implements WebhookStore {
    private final MongoCollection<Document> incoming;
    private final MongoCollection<Document> outgoing;
    private final MongoCollection<Document> deliveries;

    MongoWebhookStore(MongoDatabase database) {
        this.incoming = database.getCollection("bot_incoming_webhooks");
        this.outgoing = database.getCollection("bot_outgoing_webhooks");
        this.deliveries = database.getCollection("bot_webhook_deliveries");
        incoming.createIndex(Indexes.ascending("botId"));
        outgoing.createIndex(Indexes.ascending("botId"));
        deliveries.createIndex(Indexes.ascending("status", "q_next"));
        deliveries.createIndex(Indexes.ascending("webhookId", "q_created"));
    }

    @Override
    public void insertIncoming(IncomingWebhook hook) {
        incoming.insertOne(JsonDocuments.toDocument(hook.id(), hook));
    }

    @Override
    public Optional<IncomingWebhook> findIncoming(String id) {
        return Optional.ofNullable(incoming.find(eq("_id", id)).first()).map(d -> JsonDocuments.fromDocument(d, IncomingWebhook.class));
    }

    @Override
    public List<IncomingWebhook> incomingOf(String botId) {
        return incoming.find(eq("botId", botId)).map(d -> JsonDocuments.fromDocument(d, IncomingWebhook.class)).into(new ArrayList<>());
    }

    @Override
    public boolean deleteIncoming(String id, String botId) {
        return incoming.deleteOne(and(eq("_id", id), eq("botId", botId))).getDeletedCount() == 1;
    }

    @Override
    public void insertOutgoing(OutgoingWebhook hook) {
        outgoing.insertOne(JsonDocuments.toDocument(hook.id(), hook));
    }

    @Override
    public Optional<OutgoingWebhook> findOutgoing(String id) {
        return Optional.ofNullable(outgoing.find(eq("_id", id)).first()).map(d -> JsonDocuments.fromDocument(d, OutgoingWebhook.class));
    }

    @Override
    public List<OutgoingWebhook> outgoingOf(String botId) {
        return outgoing.find(eq("botId", botId)).map(d -> JsonDocuments.fromDocument(d, OutgoingWebhook.class)).into(new ArrayList<>());
    }

    @Override
    public List<OutgoingWebhook> allOutgoing() {
        return outgoing.find().map(d -> JsonDocuments.fromDocument(d, OutgoingWebhook.class)).into(new ArrayList<>());
    }

    @Override
    public boolean deleteOutgoing(String id, String botId) {
        return outgoing.deleteOne(and(eq("_id", id), eq("botId", botId))).getDeletedCount() == 1;
    }

    @Override
    public boolean insertDelivery(WebhookDelivery delivery) {
        Document d = JsonDocuments.toDocument(delivery.id(), delivery);
        d.put("q_next", Date.from(delivery.nextAttemptAt()));
        d.put("q_created", Date.from(delivery.createdAt()));
        try {
            deliveries.insertOne(d);
            return true;
        } catch (MongoWriteException e) {
            if (JsonDocuments.isDuplicate(e)) return false;
            throw e;
        }
    }

    @Override
    public Optional<WebhookDelivery> claimDue(Instant now, Instant leaseUntil) {
        Document claimed = deliveries.findOneAndUpdate(and(eq("status", "PENDING"), lte("q_next", Date.from(now))),
                Updates.combine(Updates.inc("attempts", 1), next(leaseUntil)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("q_next")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(d -> JsonDocuments.fromDocument(d, WebhookDelivery.class));
    }

    @Override
    public void delivered(String id, int status, Instant at) {
        deliveries.updateOne(eq("_id", id), Updates.combine(Updates.set("status", "DELIVERED"),
                Updates.set("lastStatus", status), Updates.set("deliveredAt", at.toString()), Updates.set("lastError", null)));
    }

    @Override
    public void failedAttempt(String id, @Nullable Integer status, String error, Instant nextAttemptAt, boolean giveUp) {
        deliveries.updateOne(eq("_id", id), Updates.combine(Updates.set("status", giveUp ? "FAILED" : "PENDING"),
                Updates.set("lastStatus", status), Updates.set("lastError", error), next(nextAttemptAt)));
    }

    @Override
    public List<WebhookDelivery> deliveriesOf(String webhookId, WebhookDelivery.@Nullable Status status, int limit) {
        Bson filter = status == null ? eq("webhookId", webhookId) : and(eq("webhookId", webhookId), eq("status", status.name()));
        return deliveries.find(filter).sort(Sorts.descending("q_created")).limit(limit)
                .map(d -> JsonDocuments.fromDocument(d, WebhookDelivery.class)).into(new ArrayList<>());
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(String id) {
        return Optional.ofNullable(deliveries.find(eq("_id", id)).first()).map(d -> JsonDocuments.fromDocument(d, WebhookDelivery.class));
    }

    @Override
    public boolean retry(String id, Instant now) {
        return deliveries.updateOne(and(eq("_id", id), eq("status", "FAILED")),
                Updates.combine(Updates.set("status", "PENDING"), Updates.set("attempts", 0), next(now))).getModifiedCount() == 1;
    }

    private static Bson next(Instant at) {
        return Updates.combine(Updates.set("nextAttemptAt", at.toString()), Updates.set("q_next", Date.from(at)));
    }
}
