package fr.relais.hub.audit.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import fr.relais.hub.audit.AuditEntry;
import fr.relais.hub.audit.AuditStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_log} collection: {@code {_id (ObjectId hex, time-ordered), at, type, actorId?, subject?,
 * details{}}}. Insert-only; entries older than {@code relais.retention.audit-log} are deleted by the
 * retention sweep through the index on {@code at}.
 */
@Repository
class MongoAuditStore implements AuditStore {
    private final MongoCollection<Document> entries;

    MongoAuditStore(MongoDatabase database) {
        this.entries = database.getCollection("audit_log");
        entries.createIndex(Indexes.descending("at"));
        entries.createIndex(Indexes.ascending("type"));
    }

    @Override
    public void append(AuditEntry e) {
        entries.insertOne(new Document("_id", e.id()).append("at", Date.from(e.at())).append("type", e.type())
                .append("actorId", e.actorId()).append("subject", e.subject())
                .append("details", new Document(new LinkedHashMap<String, Object>(e.details()))));
    }

    @Override
    public List<AuditEntry> find(String type, String userId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (type != null && !type.isBlank()) filters.add(eq("type", type));
        if (userId != null && !userId.isBlank()) filters.add(or(eq("actorId", userId), eq("subject", userId)));
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return entries.find(filter).sort(Sorts.descending("_id")).limit(limit).map(MongoAuditStore::toEntry).into(new ArrayList<>());
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public long deleteBefore(Instant bound) {
        return entries.deleteMany(lt("at", Date.from(bound))).getDeletedCount();
    }

    private static AuditEntry toEntry(Document d) {
        Map<String, String> details = new LinkedHashMap<>();
        Document raw = d.get("details", Document.class);
        if (raw != null) raw.forEach((k, v) -> details.put(k, String.valueOf(v)));
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("type"),
                d.getString("actorId"), d.getString("subject"), details);
    }
}
