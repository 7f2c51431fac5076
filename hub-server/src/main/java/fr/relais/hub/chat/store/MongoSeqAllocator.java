package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import fr.relais.hub.chat.SeqAllocator;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reserves seqs with one atomic {@code $inc} on the channel document's {@code lastSeq} field (in the
 * {@code channels} collection). MongoDB rather than Redis because MongoDB is the record: a counter
 * that lives with the data cannot fall behind it after a Redis failover. One round trip per batch,
 * not per message, thanks to group commit. A reserved seq whose write then fails is simply skipped:
 * seqs are strictly increasing, not gap-free.
 */
@Component
class MongoSeqAllocator implements SeqAllocator {
    private final MongoCollection<Document> channels;

    MongoSeqAllocator(MongoDatabase database) {
        this.channels = database.getCollection("channels");
    }

    @Override
    public long reserve(String channelId, int count) {
        Document after = channels.findOneAndUpdate(eq("_id", channelId), Updates.inc("lastSeq", (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(Projections.include("lastSeq")));
        if (after == null) throw new RelaisException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: " + channelId);
        return after.get("lastSeq", Number.class).longValue();
    }
}
