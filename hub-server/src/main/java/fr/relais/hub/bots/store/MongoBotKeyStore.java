package fr.relais.hub.bots.store;

import fr.relais.hub.infra.mongo.JsonDocuments;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import fr.relais.hub.bots.BotKeyStore;
import java.util.Base64;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code bot_keys} collection: {@code {_id: name, key: base64}}. The first node to start inserts the
 * key; the others get a duplicate key and read the stored one, so every node uses the same key.
 */
@Repository
class MongoBotKeyStore implements BotKeyStore {
    private final MongoCollection<Document> keys;

    MongoBotKeyStore(MongoDatabase database) {
        this.keys = database.getCollection("bot_keys");
    }

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generate) {
        Document existing = keys.find(eq("_id", name)).first();
        if (existing == null) {
            try {
                keys.insertOne(new Document("_id", name).append("key", Base64.getEncoder().encodeToString(generate.get())));
            } catch (MongoWriteException e) {
                if (!JsonDocuments.isDuplicate(e)) throw e;
            }
            existing = keys.find(eq("_id", name)).first();
        }
        return Base64.getDecoder().decode(existing.getString("key"));
    }
}
