package fr.relais.hub.identity.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserStore;
import fr.relais.hub.identity.UserStore.TotpEnrolment;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} collection: {@code {_id, username (unique), displayName, federation, roles[], active,
 * passwordHash, createdAt, externalId?, totp?{secret, enabled}}}. The password hash never leaves this class
 * except through {@link #passwordHash(String)}; {@code externalId} ({@code issuer|subject}) links an account
 * to the party's identity provider; {@code totp} holds the two-factor secret, sealed with AES-GCM
 * ({@code v1:...}; enrolments written before that hold the base32 secret in clear until the next login).
 */
@Repository
class MongoUserStore implements UserStore {
    private final MongoCollection<Document> users;

    MongoUserStore(MongoDatabase database) {
        this.users = database.getCollection("users");
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("federation"));
        users.createIndex(Indexes.ascending("externalId"));
    }

    @Override
    public User insert(User user, String passwordHash) {
        Document doc = new Document("_id", user.id())
                .append("username", user.username())
                .append("displayName", user.displayName())
                .append("federation", user.federation())
                .append("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .append("active", user.active())
                .append("passwordHash", passwordHash)
                .append("createdAt", Date.from(user.createdAt()));
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new RelaisException(ErrorCode.CONFLICT, "username already taken: " + user.username());
            }
            throw e;
        }
        return user;
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(users.find(eq("_id", id)).first()).map(MongoUserStore::toUser);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.find(eq("username", username)).first()).map(MongoUserStore::toUser);
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        Document doc = users.find(eq("_id", userId)).projection(Projections.include("passwordHash")).first();
        return Optional.ofNullable(doc).map(d -> d.getString("passwordHash"));
    }

    @Override
    public List<User> findByIds(List<String> ids) {
        return users.find(in("_id", ids)).map(MongoUserStore::toUser).into(new ArrayList<>());
    }

    @Override
    public List<User> search(String usernamePrefix, int limit) {
        return users.find(regex("username", "^" + Pattern.quote(usernamePrefix)))
                .sort(Sorts.ascending("username")).limit(limit)
                .map(MongoUserStore::toUser).into(new ArrayList<>());
    }

    @Override
    public List<User> findByFederation(String federation, int limit) {
        return users.find(eq("federation", federation)).sort(Sorts.ascending("username")).limit(limit)
                .map(MongoUserStore::toUser).into(new ArrayList<>());
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    @Override
    public void update(User user) {
        users.updateOne(eq("_id", user.id()), Updates.combine(
                Updates.set("displayName", user.displayName()),
                Updates.set("federation", user.federation()),
                Updates.set("roles", user.roles().stream().map(Enum::name).sorted().toList()),
                Updates.set("active", user.active())));
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        users.updateOne(eq("_id", userId), Updates.set("passwordHash", passwordHash));
    }

    @Override
    public Optional<User> findByExternalId(String externalId) {
        return Optional.ofNullable(users.find(eq("externalId", externalId)).first()).map(MongoUserStore::toUser);
    }

    @Override
    public User insertExternal(User user, String externalId) {
        insert(user, null);
        users.updateOne(eq("_id", user.id()), Updates.set("externalId", externalId));
        return user;
    }

    @Override
    public Optional<TotpEnrolment> totp(String userId) {
        Document doc = users.find(eq("_id", userId)).projection(Projections.include("totp")).first();
        Document totp = doc == null ? null : doc.get("totp", Document.class);
        return Optional.ofNullable(totp).map(t -> new TotpEnrolment(t.getString("secret"), t.getBoolean("enabled", false)));
    }

    @Override
    public void saveTotp(String userId, TotpEnrolment enrolment) {
        users.updateOne(eq("_id", userId), enrolment == null ? Updates.unset("totp")
                : Updates.set("totp", new Document("secret", enrolment.secret())
                        .append("enabled", enrolment.enabled())));
    }

    @Override
    public void replaceTotpSecret(String userId, String expected, String replacement) {
        users.updateOne(and(eq("_id", userId), eq("totp.secret", expected)), Updates.set("totp.secret", replacement));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    private static User toUser(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : d.getList("roles", String.class, List.of())) roles.add(Role.valueOf(r));
        return new User(d.getString("_id"), d.getString("username"), d.getString("displayName"),
                d.getString("federation"), roles, d.getBoolean("active", true), d.getDate("createdAt").toInstant());
    }
}
