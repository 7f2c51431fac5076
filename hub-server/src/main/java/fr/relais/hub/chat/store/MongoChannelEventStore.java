package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventStore;
import fr.relais.hub.chat.ChannelEventType;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code channel_events} collection: events that changed an existing message
 * ({@code {channelId, seq, type, message: <snapshot after the change>}}, unique on {@code (channelId, seq)}).
 * {@code message.created} events are not stored here: the {@code messages} collection already holds
 * each message at its creation seq, which saves a second write on the hot path.
 */
@Repository
class MongoChannelEventStore implements ChannelEventStore {
    private final MongoCollection<Document> events;

    MongoChannelEventStore(MongoDatabase database) {
        this.events = database.getCollection("channel_events");
        events.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
    }

    @Override
    public void append(List<ChannelEvent> batch) {
        events.insertMany(batch.stream().map(e -> new Document("channelId", e.channelId())
                .append("seq", e.seq())
                .append("type", e.type().wireName())
                .append("message", MessageDocuments.toDocument(e.message()))).toList());
    }

    @Override
    public List<ChannelEvent> after(String channelId, long afterSeq, int limit) {
        return events.find(and(eq("channelId", channelId), gt("seq", afterSeq))).sort(Sorts.ascending("seq")).limit(limit)
                .map(d -> new ChannelEvent(ChannelEventType.fromWireName(d.getString("type")), channelId,
                        d.get("seq", Number.class).longValue(), MessageDocuments.toMessage(d.get("message", Document.class))))
                .into(new ArrayList<>());
    }
}
