package fr.relais.hub.chat.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.relais.hub.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract against the embedded MongoDB-wire server with its file backend, over the real driver. */
class EmbeddedMessageStoreTest extends MessageStoreContract {
    @TempDir
    static Path dataDir;
    static EmbeddedMongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.onDisk(dataDir);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    MongoDatabase database() {
        return client.getDatabase("relais");
    }
}
