package fr.relais.hub.channels.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import fr.relais.hub.channels.Exclusion;
import fr.relais.hub.channels.ExclusionStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code channel_exclusions} collection: {@code {_id: "<channelId>/<userId>", channelId, userId,
 * excludedBy, reason, at}}. One document per excluded person and channel; lifting the exclusion deletes it.
 */
@Repository
class MongoExclusionStore implements ExclusionStore {
    private final MongoCollection<Document> exclusions;

    MongoExclusionStore(MongoDatabase database) {
        this.exclusions = database.getCollection("channel_exclusions");
    }

    @Override
    public void save(Exclusion e) {
        Document doc = new Document("_id", e.channelId() + "/" + e.userId())
                .append("channelId", e.channelId())
                .append("userId", e.userId())
                .append("excludedBy", e.excludedBy())
                .append("reason", e.reason())
                .append("at", Date.from(e.at()));
        exclusions.replaceOne(eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean delete(String channelId, String userId) {
        return exclusions.deleteOne(eq("_id", channelId + "/" + userId)).getDeletedCount() > 0;
    }

    @Override
    public List<Exclusion> findAll() {
        return exclusions.find().map(d -> new Exclusion(d.getString("channelId"), d.getString("userId"),
                d.getString("excludedBy"), d.getString("reason"), d.getDate("at").toInstant())).into(new ArrayList<>());
    }
}
