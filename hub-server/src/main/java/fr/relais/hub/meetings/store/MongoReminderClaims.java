package fr.relais.hub.meetings.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import fr.relais.hub.meetings.ReminderClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code meeting_claims} collection: {@code _id = meetingId|occurrenceKey|what}, {@code state}
 * ({@code claimed} then {@code done}), {@code node}, {@code claimedAt}, {@code doneAt}.
 *
 * @implNote Exactly one claimer wins: the first claim is an insert keyed by {@code _id} (a concurrent
 * second insert fails with a duplicate key); taking over a claim left {@code claimed} by a dead node is a
 * single {@code findOneAndUpdate} conditioned on the old {@code claimedAt}, so two nodes cannot both take
 * it over. Works the same on MongoDB and on the embedded store (no transactions needed).
 */
@Repository
class MongoReminderClaims implements ReminderClaims {
    private final MongoCollection<Document> claims;

    MongoReminderClaims(MongoDatabase database) {
        this.claims = database.getCollection("meeting_claims");
    }

    @Override
    public boolean claim(String meetingId, String occurrenceKey, String what, String node, Instant now, Duration retryAfter) {
        String id = meetingId + "|" + occurrenceKey + "|" + what;
        try {
            claims.insertOne(new Document("_id", id).append("state", "claimed").append("node", node)
                    .append("claimedAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        Document taken = claims.findOneAndUpdate(
                and(eq("_id", id), eq("state", "claimed"), lte("claimedAt", Date.from(now.minus(retryAfter)))),
                Updates.combine(Updates.set("node", node), Updates.set("claimedAt", Date.from(now))));
        return taken != null;
    }

    @Override
    public void done(String meetingId, String occurrenceKey, String what, Instant now) {
        claims.updateOne(eq("_id", meetingId + "|" + occurrenceKey + "|" + what),
                Updates.combine(Updates.set("state", "done"), Updates.set("doneAt", Date.from(now))));
    }
}
