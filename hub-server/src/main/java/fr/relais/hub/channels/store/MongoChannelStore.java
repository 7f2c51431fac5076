package fr.relais.hub.channels.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.channels.ChannelStore;
import fr.relais.hub.channels.PendingLastSeqs;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code channels} collection: {@code {_id, kind, name, topic, federation, readOnly, memberIds[],
 * createdBy, createdAt, lastSeq}}. {@code lastSeq} is the channel's sequence counter, advanced
 * atomically by {@code chat.store.MongoSeqAllocator}; nothing else writes it. With the embedded store
 * the allocator writes it back lazily, so reads add what it has not written yet ({@link PendingLastSeqs}).
 */
@Repository
class MongoChannelStore implements ChannelStore {
    private final MongoCollection<Document> channels;

    private final PendingLastSeqs pending;

    MongoChannelStore(MongoDatabase database, PendingLastSeqs pending) {
        this.channels = database.getCollection("channels");
        this.pending = pending;
    }

    @Override
    public boolean insertIfAbsent(Channel c) {
        Document doc = new Document("kind", c.kind().name())
                .append("name", c.name())
                .append("topic", c.topic())
                .append("federation", c.federation())
                .append("readOnly", c.readOnly())
                .append("memberIds", new ArrayList<>(c.memberIds()))
                .append("createdBy", c.createdBy())
                .append("createdAt", Date.from(c.createdAt()))
                .append("lastSeq", 0L);
        var result = channels.updateOne(eq("_id", c.id()), new Document("$setOnInsert", doc), new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    @Override
    public Optional<Channel> findById(String id) {
        return Optional.ofNullable(channels.find(eq("_id", id)).first()).map(MongoChannelStore::toChannel);
    }

    @Override
    public List<Channel> findAll() {
        return channels.find().map(MongoChannelStore::toChannel).into(new ArrayList<>());
    }

    @Override
    public void addMembers(String channelId, Set<String> userIds) {
        channels.updateOne(eq("_id", channelId), Updates.addEachToSet("memberIds", new ArrayList<>(userIds)));
    }

    @Override
    public void removeMember(String channelId, String userId) {
        channels.updateOne(eq("_id", channelId), Updates.pull("memberIds", userId));
    }

    @Override
    public long lastSeq(String channelId) {
        Document d = channels.find(eq("_id", channelId)).projection(Projections.include("lastSeq")).first();
        long stored = d == null ? 0 : d.get("lastSeq", Number.class).longValue();
        return Math.max(stored, pending.pending().getOrDefault(channelId, 0L));
    }

    @Override
    public java.util.Map<String, Long> lastSeqs() {
        java.util.Map<String, Long> result = new java.util.HashMap<>();
        channels.find().projection(Projections.include("lastSeq"))
                .forEach(d -> result.put(d.getString("_id"), d.get("lastSeq", Number.class).longValue()));
        pending.pending().forEach((id, seq) -> result.computeIfPresent(id, (k, stored) -> Math.max(stored, seq)));
        return result;
    }

    private static Channel toChannel(Document d) {
        return new Channel(d.getString("_id"), ChannelKind.valueOf(d.getString("kind")), d.getString("name"),
                d.getString("topic"), d.getString("federation"), d.getBoolean("readOnly", false),
                new HashSet<>(d.getList("memberIds", String.class, List.of())), d.getString("createdBy"),
                d.getDate("createdAt").toInstant());
    }
}
