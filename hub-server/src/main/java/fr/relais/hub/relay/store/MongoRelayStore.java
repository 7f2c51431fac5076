package fr.relais.hub.relay.store;

import fr.relais.hub.infra.mongo.JsonDocuments;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.relay.Ack;
import fr.relais.hub.relay.Blackout;
import fr.relais.hub.relay.Delivery;
import fr.relais.hub.relay.RelayItem;
import fr.relais.hub.relay.RelayStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Relay collections.
 * <ul>
 *   <li>{@code relay_items}: one document per item with its history; {@code version} for compare-and-set
 *       ({@code replaceOne({_id, version: n-1})}); {@code q_scheduledAt} and {@code q_deadline} (BSON dates)
 *       with indexes {@code (status, q_scheduledAt)}, {@code (status, q_deadline)}, {@code (authorId)}.</li>
 *   <li>{@code relay_deliveries}: {@code _id = itemId|channelId} — a channel's relay is recorded once.</li>
 *   <li>{@code relay_acks}: {@code _id = itemId|federation}, the federation's highest acknowledgement.</li>
 *   <li>{@code relay_claims}: {@code _id = itemId|federation|step}, escalation steps claimed once across
 *       nodes (insert; takeover of an unfinished claim by one conditional update).</li>
 *   <li>{@code relay_blackouts}: blackout windows added over REST.</li>
 * </ul>
 * Reach figures also <em>read</em> {@code read_markers} (owned by chat: {@code {userId, channelId,
 * lastReadSeq}}) with one query over the item's channels; nothing here writes to it.
 */
@Repository
class MongoRelayStore implements RelayStore {
    private final MongoCollection<Document> items;
    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> acks;
    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> blackouts;
    private final MongoCollection<Document> readMarkers;

    MongoRelayStore(MongoDatabase database) {
        this.items = database.getCollection("relay_items");
        this.deliveries = database.getCollection("relay_deliveries");
        this.acks = database.getCollection("relay_acks");
        this.claims = database.getCollection("relay_claims");
        this.blackouts = database.getCollection("relay_blackouts");
        this.readMarkers = database.getCollection("read_markers");
        items.createIndex(Indexes.ascending("status", "q_scheduledAt"));
        items.createIndex(Indexes.ascending("status", "q_deadline"));
        items.createIndex(Indexes.ascending("authorId"));
        deliveries.createIndex(Indexes.ascending("itemId"));
        acks.createIndex(Indexes.ascending("itemId"));
        claims.createIndex(Indexes.ascending("itemId"));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    private static Document toDocument(RelayItem item) {
        Document d = JsonDocuments.toDocument(item.id(), item);
        d.put("q_scheduledAt", item.scheduledAt() == null ? null : Date.from(item.scheduledAt()));
        d.put("q_deadline", item.consigne() == null ? null : Date.from(item.consigne().deadline()));
        return d;
    }

    private static RelayItem item(Document d) {
        return JsonDocuments.fromDocument(d, RelayItem.class);
    }

    @Override
    public void insert(RelayItem item) {
        items.insertOne(toDocument(item));
    }

    @Override
    public Optional<RelayItem> find(String id) {
        return Optional.ofNullable(items.find(eq("_id", id)).first()).map(MongoRelayStore::item);
    }

    @Override
    public boolean replace(RelayItem item) {
        return items.replaceOne(and(eq("_id", item.id()), eq("version", item.version() - 1)), toDocument(item)).getModifiedCount() == 1;
    }

    @Override
    public List<RelayItem> findByStatus(Collection<RelayItem.Status> statuses, int limit) {
        return items.find(in("status", statuses.stream().map(Enum::name).toList())).sort(Sorts.ascending("createdAt")).limit(limit)
                .map(MongoRelayStore::item).into(new ArrayList<>());
    }

    @Override
    public List<RelayItem> findByAuthor(String authorId, int limit) {
        return items.find(eq("authorId", authorId)).sort(Sorts.descending("createdAt")).limit(limit).map(MongoRelayStore::item).into(new ArrayList<>());
    }

    @Override
    public List<RelayItem> findScheduledBefore(Instant now, int limit) {
        return items.find(and(eq("status", "SCHEDULED"), lte("q_scheduledAt", Date.from(now)))).sort(Sorts.ascending("q_scheduledAt"))
                .limit(limit).map(MongoRelayStore::item).into(new ArrayList<>());
    }

    @Override
    public List<RelayItem> findConsignesPastDeadline(Instant now, Duration lookback, int limit) {
        return items.find(and(in("status", List.of("DUE", "POSTED")), lte("q_deadline", Date.from(now)),
                        gte("q_deadline", Date.from(now.minus(lookback)))))
                .limit(limit).map(MongoRelayStore::item).into(new ArrayList<>());
    }

    @Override
    public boolean insertDelivery(Delivery delivery) {
        try {
            deliveries.insertOne(JsonDocuments.toDocument(delivery.itemId() + "|" + delivery.channelId(), delivery));
            return true;
        } catch (MongoWriteException e) {
            if (JsonDocuments.isDuplicate(e)) return false;
            throw e;
        }
    }

    @Override
    public List<Delivery> deliveries(String itemId) {
        return deliveries.find(eq("itemId", itemId)).map(d -> JsonDocuments.fromDocument(d, Delivery.class)).into(new ArrayList<>());
    }

    @Override
    public void saveAck(Ack ack) {
        String id = ack.itemId() + "|" + ack.federation();
        acks.replaceOne(eq("_id", id), JsonDocuments.toDocument(id, ack), new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Ack> acks(String itemId) {
        return acks.find(eq("itemId", itemId)).map(d -> JsonDocuments.fromDocument(d, Ack.class)).into(new ArrayList<>());
    }

    @Override
    public boolean claim(String key, String itemId, String federation, String stage, Instant now, Duration retryAfter) {
        try {
            claims.insertOne(new Document("_id", key).append("itemId", itemId).append("federation", federation)
                    .append("stage", stage).append("state", "claimed").append("claimedAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (!JsonDocuments.isDuplicate(e)) throw e;
        }
        return claims.findOneAndUpdate(and(eq("_id", key), eq("state", "claimed"), lte("claimedAt", Date.from(now.minus(retryAfter)))),
                Updates.set("claimedAt", Date.from(now))) != null;
    }

    @Override
    public void claimDone(String key, Instant now) {
        claims.updateOne(eq("_id", key), Updates.combine(Updates.set("state", "done"), Updates.set("doneAt", Date.from(now))));
    }

    @Override
    public Map<String, List<String>> escalations(String itemId) {
        Map<String, List<String>> result = new HashMap<>();
        claims.find(and(eq("itemId", itemId), eq("state", "done")))
                .forEach(d -> result.computeIfAbsent(d.getString("federation"), k -> new ArrayList<>()).add(d.getString("stage")));
        return result;
    }

    @Override
    public void insertBlackout(Blackout blackout) {
        Document d = JsonDocuments.toDocument(blackout.id(), blackout);
        blackouts.insertOne(d);
    }

    @Override
    public List<Blackout> blackouts() {
        return blackouts.find().map(d -> JsonDocuments.fromDocument(d, Blackout.class)).into(new ArrayList<>());
    }

    @Override
    public boolean deleteBlackout(String id) {
        return blackouts.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public Map<String, Integer> readersAtLeast(Map<String, Long> seqByChannel) {
        Map<String, Integer> result = new HashMap<>();
        if (seqByChannel.isEmpty()) return result;
        readMarkers.find(in("channelId", seqByChannel.keySet())).projection(Projections.include("channelId", "lastReadSeq"))
                .forEach(d -> {
                    String channelId = d.getString("channelId");
                    Number seq = d.get("lastReadSeq", Number.class);
                    if (seq != null && seq.longValue() >= seqByChannel.get(channelId)) result.merge(channelId, 1, Integer::sum);
                });
        return result;
    }
}
