package fr.relais.hub.infra.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The HS256 key that signs the hub's access tokens. Configured, or else generated on first start and
 * stored in the {@code settings} collection ({@code {_id: "token-signing-key", value}}) so that all nodes
 * and restarts share it. Whoever can read that collection can mint tokens: production should configure
 * {@code RELAIS_TOKEN_SECRET} from a secret store instead.
 */
@Component
public class TokenSigningKey {
    private static final String SETTING = "token-signing-key";
    private final SecretKey key;

    TokenSigningKey(SecurityProperties properties, MongoDatabase database) {
        byte[] bytes = properties.tokenSecret() != null && !properties.tokenSecret().isBlank()
                ? Base64.getDecoder().decode(properties.tokenSecret())
                : storedOrGenerated(database.getCollection("settings"));
        if (bytes.length < 32) throw new IllegalStateException("relais.security.token-secret must be at least 32 bytes (base64)");
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] storedOrGenerated(MongoCollection<Document> settings) {
        Document existing = settings.find(eq("_id", SETTING)).first();
        if (existing != null) return Base64.getDecoder().decode(existing.getString("value"));
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            settings.insertOne(new Document("_id", SETTING).append("value", Base64.getEncoder().encodeToString(fresh)));
            return fresh;
        } catch (MongoWriteException raceLostToAnotherNode) {
            return Base64.getDecoder().decode(settings.find(eq("_id", SETTING)).first().getString("value"));
        }
    }
}
