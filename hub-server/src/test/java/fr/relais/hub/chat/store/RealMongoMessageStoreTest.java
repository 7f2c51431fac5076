package fr.relais.hub.chat.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The storage contract against a real MongoDB (replica set) in a container. Skipped, with JUnit's
 * "disabled: no Docker" message, on machines without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoMessageStoreTest extends MessageStoreContract {
    static MongoDBContainer mongo;
    static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = new MongoDBContainer("mongo:7.0");
        mongo.start();
        client = MongoClients.create(mongo.getReplicaSetUrl("relais"));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (mongo != null) mongo.stop();
    }

    @Override
    MongoDatabase database() {
        return client.getDatabase("relais");
    }
}
