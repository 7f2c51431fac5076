package fr.relais.hub.live.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.live.LiveSession;
import fr.relais.hub.live.LiveSessionStore;
import fr.relais.hub.live.LiveSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Collections of live sessions.
 * <ul>
 *   <li>{@code live_sessions}: {@code _id = channelId}, the current session of a channel (so "already
 *       live" is a duplicate key, on any node); {@code reactions} is {@code {emoji: count}} ($inc),
 *       {@code reactors} the ids of people who reacted ($addToSet).</li>
 *   <li>{@code live_post_slots}: {@code _id = channelId|userId}, {@code lastPostAt}: slow mode. Taking a
 *       slot is one conditional upsert: if the member's last post is too recent the filter does not match
 *       and the upsert's insert fails on the duplicate {@code _id}, so exactly one of two concurrent posts wins.</li>
 *   <li>{@code live_session_archive}: the summary of each ended session; reactions another node counted
 *       after the end are added to it ({@code lateReactions}, {@code lateReactorIds}).</li>
 * </ul>
 */
@Repository
class MongoLiveSessionStore implements LiveSessionStore {
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> slots;
    private final MongoCollection<Document> archive;

    MongoLiveSessionStore(MongoDatabase database) {
        this.sessions = database.getCollection("live_sessions");
        this.slots = database.getCollection("live_post_slots");
        this.archive = database.getCollection("live_session_archive");
        slots.createIndex(com.mongodb.client.model.Indexes.ascending("channelId"));
        archive.createIndex(com.mongodb.client.model.Indexes.ascending("channelId", "endedAt"));
    }

    @Override
    public boolean insert(LiveSession s) {
        try {
            sessions.insertOne(new Document("_id", s.channelId()).append("title", s.title()).append("link", s.link())
                    .append("slowModeSeconds", s.slowModeSeconds())
                    .append("startedBy", new Document("id", s.startedBy().id()).append("username", s.startedBy().username())
                            .append("displayName", s.startedBy().displayName()).append("bot", s.startedBy().bot()))
                    .append("startedAt", Date.from(s.startedAt())).append("startSeq", s.startSeq())
                    .append("bannerMessageId", s.bannerMessageId()).append("reactions", new Document())
                    .append("reactors", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    @Override
    public Optional<LiveSession> find(String channelId) {
        return Optional.ofNullable(sessions.find(eq("_id", channelId)).first()).map(MongoLiveSessionStore::toSession);
    }

    @Override
    public Optional<LiveSession> update(LiveSession s) {
        Document after = sessions.findOneAndUpdate(eq("_id", s.channelId()), Updates.combine(
                        Updates.set("title", s.title()), Updates.set("link", s.link()),
                        Updates.set("slowModeSeconds", s.slowModeSeconds()), Updates.set("bannerMessageId", s.bannerMessageId())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(MongoLiveSessionStore::toSession);
    }

    @Override
    public Optional<LiveSession> addReactions(String channelId, Map<String, Long> counts, Set<String> reactorIds) {
        List<Bson> updates = new ArrayList<>();
        counts.forEach((emoji, n) -> updates.add(Updates.inc("reactions." + emoji, n)));
        if (!reactorIds.isEmpty()) updates.add(Updates.addEachToSet("reactors", List.copyOf(reactorIds)));
        Document after = sessions.findOneAndUpdate(eq("_id", channelId), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(MongoLiveSessionStore::toSession);
    }

    @Override
    public Optional<LiveSession> remove(String channelId) {
        return Optional.ofNullable(sessions.findOneAndDelete(eq("_id", channelId))).map(MongoLiveSessionStore::toSession);
    }

    @Override
    public void archive(LiveSummary s) {
        archive.insertOne(new Document("channelId", s.channelId()).append("title", s.title())
                .append("startedAt", Date.from(s.startedAt())).append("endedAt", Date.from(s.endedAt()))
                .append("durationSeconds", s.durationSeconds()).append("messages", s.messages())
                .append("participants", s.participants()).append("reactionTotal", s.reactionTotal())
                .append("reactions", new Document(new LinkedHashMap<>(s.reactions()))).append("reactors", s.reactors())
                .append("summaryMessageId", s.summaryMessageId()));
    }

    @Override
    public boolean addLateReactions(String channelId, Instant startedAt, Map<String, Long> counts, Set<String> reactorIds) {
        List<Bson> updates = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            updates.add(Updates.inc("reactions." + e.getKey(), e.getValue()));
            total += e.getValue();
        }
        updates.add(Updates.inc("reactionTotal", total));
        updates.add(Updates.inc("lateReactions", total));
        if (!reactorIds.isEmpty()) updates.add(Updates.addEachToSet("lateReactorIds", List.copyOf(reactorIds)));
        return archive.updateOne(and(eq("channelId", channelId), eq("startedAt", Date.from(startedAt))),
                Updates.combine(updates)).getMatchedCount() > 0;
    }

    @Override
    public boolean claimPostSlot(String channelId, String userId, Instant now, Duration interval) {
        try {
            slots.updateOne(and(eq("_id", channelId + "|" + userId), lte("lastPostAt", Date.from(now.minus(interval)))),
                    Updates.combine(Updates.set("lastPostAt", Date.from(now)), Updates.setOnInsert("channelId", channelId)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    @Override
    public void clearPostSlots(String channelId) {
        slots.deleteMany(eq("channelId", channelId));
    }

    private static LiveSession toSession(Document d) {
        Document by = d.get("startedBy", Document.class);
        Map<String, Long> reactions = new LinkedHashMap<>();
        Document r = d.get("reactions", Document.class);
        if (r != null) r.forEach((emoji, n) -> reactions.put(emoji, ((Number) n).longValue()));
        return new LiveSession(d.getString("_id"), d.getString("title"), d.getString("link"),
                d.getInteger("slowModeSeconds", 0),
                new UserRef(by.getString("id"), by.getString("username"), by.getString("displayName"), Boolean.TRUE.equals(by.getBoolean("bot"))),
                d.getDate("startedAt").toInstant(), d.get("startSeq", Number.class).longValue(), d.getString("bannerMessageId"),
                reactions, d.getList("reactors", String.class, List.of()).size());
    }
}
