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
import fr.relais.hub.identity.OneTimeToken;
import fr.relais.hub.identity.OneTimeTokenStore;
import fr.relais.hub.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code one_time_tokens} collection (invitations and password-reset links): {@code {_id, purpose,
 * secretDigest, createdBy, createdAt, expiresAt, usedAt?, federation?, roles[], userId?}}. Only the
 * SHA-256 digest of the link's secret is stored; {@code usedAt} is set once, atomically. Used and expired
 * links are kept (the inviter sees who accepted) until the retention sweep deletes them
 * ({@code relais.retention.one-time-tokens-after-expiry}). Indexes: {@code secretDigest}, {@code createdBy},
 * and {@code expiresAt}, {@code usedAt} for that sweep.
 */
@Repository
class MongoOneTimeTokenStore implements OneTimeTokenStore {
    private final MongoCollection<Document> tokens;

    MongoOneTimeTokenStore(MongoDatabase database) {
        this.tokens = database.getCollection("one_time_tokens");
        tokens.createIndex(Indexes.ascending("secretDigest"));
        tokens.createIndex(Indexes.ascending("createdBy"));
        tokens.createIndex(Indexes.ascending("expiresAt"));
        tokens.createIndex(Indexes.ascending("usedAt"));
    }

    @Override
    public void insert(OneTimeToken t, String secretDigest) {
        tokens.insertOne(new Document("_id", t.id()).append("purpose", t.purpose().name())
                .append("secretDigest", secretDigest).append("createdBy", t.createdBy())
                .append("createdAt", Date.from(t.createdAt())).append("expiresAt", Date.from(t.expiresAt()))
                .append("usedAt", null).append("federation", t.federation())
                .append("roles", t.roles().stream().map(Enum::name).sorted().toList()).append("userId", t.userId()));
    }

    @Override
    public Optional<OneTimeToken> findBySecretDigest(String secretDigest) {
        return Optional.ofNullable(tokens.find(eq("secretDigest", secretDigest)).first()).map(MongoOneTimeTokenStore::toToken);
    }

    @Override
    public boolean consume(String id, Instant now) {
        return tokens.updateOne(and(eq("_id", id), eq("usedAt", null), gt("expiresAt", Date.from(now))),
                Updates.set("usedAt", Date.from(now))).getModifiedCount() > 0;
    }

    @Override
    public void release(String id) {
        tokens.updateOne(eq("_id", id), Updates.set("usedAt", null));
    }

    @Override
    public List<OneTimeToken> findByCreator(String userId, OneTimeToken.Purpose purpose, int limit) {
        return tokens.find(and(eq("createdBy", userId), eq("purpose", purpose.name()))).sort(Sorts.descending("createdAt"))
                .limit(limit).map(MongoOneTimeTokenStore::toToken).into(new ArrayList<>());
    }

    @Override
    public long deleteEndedBefore(Instant bound) {
        Date before = Date.from(bound); // $lt never matches a null usedAt
        return tokens.deleteMany(or(lt("expiresAt", before), lt("usedAt", before))).getDeletedCount();
    }

    private static OneTimeToken toToken(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : d.getList("roles", String.class, List.of())) roles.add(Role.valueOf(r));
        Date used = d.getDate("usedAt");
        return new OneTimeToken(d.getString("_id"), OneTimeToken.Purpose.valueOf(d.getString("purpose")),
                d.getString("createdBy"), d.getDate("createdAt").toInstant(), d.getDate("expiresAt").toInstant(),
                used == null ? null : used.toInstant(), d.getString("federation"), roles, d.getString("userId"));
    }
}
