package fr.relais.hub.infra.mongo.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a store file written by earlier versions (the stock H2 backend, Java-serialised documents)
 * into the current store, through the MongoDB driver like any other client: every database,
 * collection, index and document. Run once, at start, when only the old file exists.
 */
public final class LegacyStoreMigration {
    private static final Logger log = LoggerFactory.getLogger(LegacyStoreMigration.class);
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int BATCH = 500;

    private LegacyStoreMigration() {
    }

    /** @return the number of documents copied */
    public static long copy(String legacyFile, String targetConnectionString) {
        MongoServer legacy = new MongoServer(new H2Backend(legacyFile));
        try {
            legacy.bind("127.0.0.1", 0);
            InetSocketAddress address = legacy.getLocalAddress();
            try (MongoClient from = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
                 MongoClient to = MongoClients.create(targetConnectionString)) {
                long copied = 0;
                for (String name : from.listDatabaseNames()) {
                    if (SYSTEM_DATABASES.contains(name)) continue;
                    copied += copyDatabase(from.getDatabase(name), to.getDatabase(name));
                }
                log.info("Copied {} documents from the previous store format ({})", copied, legacyFile);
                return copied;
            }
        } finally {
            legacy.shutdown();
        }
    }

    private static long copyDatabase(MongoDatabase source, MongoDatabase target) {
        long copied = 0;
        for (String collectionName : source.listCollectionNames()) {
            if (collectionName.startsWith("system.")) continue;
            MongoCollection<Document> from = source.getCollection(collectionName);
            MongoCollection<Document> to = target.getCollection(collectionName);
            target.createCollection(collectionName);
            for (Document index : from.listIndexes()) {
                if ("_id_".equals(index.getString("name"))) continue;
                IndexOptions options = new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false));
                if (index.get("partialFilterExpression") instanceof Document partial) options.partialFilterExpression(partial);
                to.createIndex(index.get("key", Document.class), options);
            }
            List<Document> batch = new ArrayList<>(BATCH);
            for (Document document : from.find()) {
                batch.add(document);
                if (batch.size() == BATCH) {
                    to.insertMany(batch);
                    copied += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                to.insertMany(batch);
                copied += batch.size();
            }
        }
        return copied;
    }
}
