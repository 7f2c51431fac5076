package fr.relais.hub.identity.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.AuthSessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code auth_sessions} collection: {@code {_id, userId, kind, name, createdAt, expiresAt?, lastUsedAt?,
 * revokedAt?, tokenDigest?}}. {@code tokenDigest} (personal access tokens only) is the SHA-256 hex of
 * the token; the token itself is never stored. Revoked and expired sessions are kept (with {@code revokedAt})
 * as a record of what was revoked and when, until the retention sweep deletes them
 * ({@code relais.retention.auth-sessions-after-expiry}). Indexes: {@code userId}, {@code tokenDigest}, and
 * {@code expiresAt}, {@code revokedAt} for that sweep.
 */
@Repository
class MongoAuthSessionStore implements AuthSessionStore {
    private final MongoCollection<Document> sessions;

    MongoAuthSessionStore(MongoDatabase database) {
        this.sessions = database.getCollection("auth_sessions");
        sessions.createIndex(Indexes.ascending("userId"));
        sessions.createIndex(Indexes.ascending("tokenDigest"));
        sessions.createIndex(Indexes.ascending("expiresAt"));
        sessions.createIndex(Indexes.ascending("revokedAt"));
    }

    @Override
    public void insert(AuthSession s, String tokenDigest) {
        Document doc = new Document("_id", s.id())
                .append("userId", s.userId())
                .append("kind", s.kind().name())
                .append("name", s.name())
                .append("createdAt", Date.from(s.createdAt()))
                .append("expiresAt", s.expiresAt() == null ? null : Date.from(s.expiresAt()))
                .append("lastUsedAt", s.lastUsedAt() == null ? null : Date.from(s.lastUsedAt()))
                .append("revokedAt", null);
        if (tokenDigest != null) doc.append("tokenDigest", tokenDigest);
        sessions.insertOne(doc);
    }

    @Override
    public Optional<AuthSession> findById(String id) {
        return Optional.ofNullable(sessions.find(eq("_id", id)).first()).map(MongoAuthSessionStore::toSession);
    }

    @Override
    public Optional<AuthSession> findByTokenDigest(String tokenDigest) {
        return Optional.ofNullable(sessions.find(eq("tokenDigest", tokenDigest)).first()).map(MongoAuthSessionStore::toSession);
    }

    @Override
    public List<AuthSession> findActive(String userId, Instant now) {
        return sessions.find(and(eq("userId", userId), active(now))).sort(Sorts.descending("createdAt"))
                .map(MongoAuthSessionStore::toSession).into(new ArrayList<>());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return sessions.updateOne(and(eq("_id", id), eq("revokedAt", null)), Updates.set("revokedAt", Date.from(at)))
                .getModifiedCount() > 0;
    }

    @Override
    public List<String> revokeAll(String userId, Instant at) {
        List<String> ids = sessions.find(and(eq("userId", userId), eq("revokedAt", null)))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        List<String> revoked = new ArrayList<>();
        for (String id : ids) if (revoke(id, at)) revoked.add(id);
        return revoked;
    }

    @Override
    public void touch(String id, Instant at) {
        sessions.updateOne(eq("_id", id), Updates.set("lastUsedAt", Date.from(at)));
    }

    @Override
    public void setProviderIdToken(String id, String idToken) {
        sessions.updateOne(eq("_id", id), Updates.set("providerIdToken", idToken));
    }

    @Override
    public Optional<String> findProviderIdToken(String id) {
        return Optional.ofNullable(sessions.find(eq("_id", id)).projection(new Document("providerIdToken", 1)).first())
                .map(d -> d.getString("providerIdToken"));
    }

    @Override
    public long deleteEndedBefore(Instant bound) {
        // $lt on a date never matches null: a session without an expiry, or not revoked, is not caught by that clause.
        Date before = Date.from(bound);
        return sessions.deleteMany(or(lt("expiresAt", before), lt("revokedAt", before))).getDeletedCount();
    }

    private static Bson active(Instant now) {
        return and(eq("revokedAt", null), or(eq("expiresAt", null), gt("expiresAt", Date.from(now))));
    }

    private static AuthSession toSession(Document d) {
        return new AuthSession(d.getString("_id"), d.getString("userId"), AuthSession.Kind.valueOf(d.getString("kind")),
                d.getString("name"), d.getDate("createdAt").toInstant(), instant(d, "expiresAt"), instant(d, "lastUsedAt"),
                instant(d, "revokedAt"));
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
