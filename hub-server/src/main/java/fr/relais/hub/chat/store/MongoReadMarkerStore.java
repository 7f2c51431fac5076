package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import fr.relais.hub.chat.ReadMarkerStore;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code read_markers} collection: {@code {_id: "<userId>:<channelId>", userId, channelId, lastReadSeq}}. */
@Repository
class MongoReadMarkerStore implements ReadMarkerStore {
    private final MongoCollection<Document> markers;

    MongoReadMarkerStore(MongoDatabase database) {
        this.markers = database.getCollection("read_markers");
        markers.createIndex(Indexes.ascending("userId"));
    }

    @Override
    public long advance(String userId, String channelId, long seq) {
        Document after = markers.findOneAndUpdate(eq("_id", userId + ":" + channelId),
                Updates.combine(Updates.set("userId", userId), Updates.set("channelId", channelId), Updates.max("lastReadSeq", seq)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.get("lastReadSeq", Number.class).longValue();
    }

    @Override
    public Map<String, Long> markersOf(String userId) {
        Map<String, Long> result = new HashMap<>();
        markers.find(eq("userId", userId)).forEach(d -> result.put(d.getString("channelId"), d.get("lastReadSeq", Number.class).longValue()));
        return result;
    }
}
