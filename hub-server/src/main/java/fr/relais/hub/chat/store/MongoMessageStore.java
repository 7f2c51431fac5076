package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * The {@code messages} collection: one document per message, current state (see MessageDocuments).
 * Indexes: {@code (channelId, seq)} unique — history and catch-up are range scans on it;
 * {@code (authorId, clientMessageId)} unique — makes resends idempotent even across nodes;
 * {@code threadId} — thread replies.
 */
@Repository
class MongoMessageStore implements MessageStore {
    private final MongoCollection<Document> messages;

    MongoMessageStore(MongoDatabase database) {
        this.messages = database.getCollection("messages");
        messages.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
        messages.createIndex(Indexes.ascending("authorId", "clientMessageId"), new IndexOptions().unique(true));
        messages.createIndex(Indexes.ascending("threadId"));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public Set<Integer> insertNew(List<Message> batch) {
        List<Document> docs = batch.stream().map(MessageDocuments::toDocument).toList();
        try {
            messages.insertMany(docs, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                duplicates.add(error.getIndex());
            }
            return duplicates;
        }
    }

    @Override
    public void replace(List<Message> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Message m : changed) {
            writes.add(new ReplaceOneModel<>(eq("_id", m.id()), MessageDocuments.toDocument(m)));
        }
        messages.bulkWrite(writes);
    }

    @Override
    public void incrementReplyCounts(Map<String, Integer> repliesByParentId) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        repliesByParentId.forEach((parent, n) -> writes.add(new UpdateOneModel<>(eq("_id", parent), Updates.inc("replyCount", n))));
        messages.bulkWrite(writes);
    }

    @Override
    public Optional<Message> findById(String id) {
        return Optional.ofNullable(messages.find(eq("_id", id)).first()).map(MessageDocuments::toMessage);
    }

    @Override
    public Map<String, Message> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<String, Message> found = new HashMap<>();
        messages.find(in("_id", new HashSet<>(ids))).forEach(d -> found.put(d.getString("_id"), MessageDocuments.toMessage(d)));
        return found;
    }

    @Override
    public Optional<Message> findByClientMessageId(String authorId, String clientMessageId) {
        return Optional.ofNullable(messages.find(and(eq("authorId", authorId), eq("clientMessageId", clientMessageId))).first())
                .map(MessageDocuments::toMessage);
    }

    @Override
    public List<Message> page(String channelId, Long afterSeq, Long beforeSeq, int limit, boolean topLevelOnly) {
        List<Bson> filters = new ArrayList<>(List.of(eq("channelId", channelId)));
        if (afterSeq != null) filters.add(gt("seq", afterSeq));
        if (beforeSeq != null) filters.add(lt("seq", beforeSeq));
        if (topLevelOnly) filters.add(eq("threadId", null));
        boolean newestFirst = afterSeq == null;
        List<Message> page = messages.find(and(filters))
                .sort(newestFirst ? Sorts.descending("seq") : Sorts.ascending("seq"))
                .limit(limit).map(MessageDocuments::toMessage).into(new ArrayList<>());
        if (newestFirst) Collections.reverse(page);
        return page;
    }

    @Override
    public List<Message> createdAfter(String channelId, long afterSeq, int limit) {
        return messages.find(and(eq("channelId", channelId), gt("seq", afterSeq)))
                .sort(Sorts.ascending("seq")).limit(limit).map(MessageDocuments::toMessage).into(new ArrayList<>());
    }

    @Override
    public List<Message> replies(String threadId, int limit) {
        return messages.find(eq("threadId", threadId)).sort(Sorts.ascending("seq")).limit(limit)
                .map(MessageDocuments::toMessage).into(new ArrayList<>());
    }

    @Override
    public List<Message> pinned(String channelId) {
        return messages.find(and(eq("channelId", channelId), eq("pinned", true))).sort(Sorts.ascending("seq"))
                .map(MessageDocuments::toMessage).into(new ArrayList<>());
    }

    @Override
    public int countUnread(String channelId, long afterSeq, String excludedAuthor, int cap) {
        return (int) messages.countDocuments(and(eq("channelId", channelId), gt("seq", afterSeq), eq("threadId", null),
                ne("authorId", excludedAuthor), ne("deleted", true)), new com.mongodb.client.model.CountOptions().limit(cap));
    }

    @Override
    public int countMentions(String channelId, long afterSeq, String userId, int cap) {
        return (int) messages.countDocuments(and(eq("channelId", channelId), gt("seq", afterSeq), ne("authorId", userId),
                ne("deleted", true), or(eq("mentions", userId), eq("mentionsChannel", true))),
                new com.mongodb.client.model.CountOptions().limit(cap));
    }

    @Override
    public void forEachAfterId(String id, Consumer<Message> action) {
        Bson filter = id == null ? new Document() : gt("_id", id);
        messages.find(filter).sort(Sorts.ascending("_id")).forEach(d -> action.accept(MessageDocuments.toMessage(d)));
    }
}
