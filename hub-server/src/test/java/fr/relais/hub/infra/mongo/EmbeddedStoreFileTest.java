package fr.relais.hub.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's file: what is written is read back after a restart, and older files are carried over. */
class EmbeddedStoreFileTest {
    @TempDir
    Path dataDir;

    static final ObjectId ID = new ObjectId();

    static Document sample() {
        return new Document("_id", ID).append("channelId", "fed-29").append("seq", 42L)
                .append("text", "Réunion jeudi 18h — salle « Jean Moulin » 🎉").append("authorId", "u-1")
                .append("clientMessageId", "c-81f2").append("createdAt", new Date(1_790_000_000_000L))
                .append("reactions", new Document("👍", List.of("u-2", "u-3"))).append("mentions", List.of())
                .append("score", 1.5).append("count", 7).append("threadId", null).append("pinned", false);
    }

    void withStore(Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            use.accept(client.getDatabase("relais").getCollection("messages"));
            server.commit();
        }
    }

    static void assertUniqueIndexesHold(MongoCollection<Document> messages) {
        assertThatThrownBy(() -> messages.insertOne(new Document("channelId", "fed-29").append("seq", 42L).append("authorId", "u-9")
                .append("clientMessageId", "other")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> messages.insertOne(new Document("channelId", "fed-29").append("seq", 43L).append("authorId", "u-1")
                .append("clientMessageId", "c-81f2")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void documents_and_unique_indexes_are_the_same_after_a_restart() {
        withStore(messages -> {
            messages.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
            messages.createIndex(Indexes.ascending("authorId", "clientMessageId"), new IndexOptions().unique(true));
            messages.insertOne(sample());
            List<Document> more = new ArrayList<>();
            for (long seq = 100; seq < 1100; seq++) {
                more.add(new Document("_id", "m-" + seq).append("channelId", "fed-29").append("seq", seq).append("authorId", "u-2")
                        .append("clientMessageId", "c-" + seq).append("text", "message " + seq));
            }
            messages.insertMany(more);
            messages.updateOne(Filters.eq("_id", "m-500"), new Document("$set", new Document("text", "corrigé")));
            messages.deleteOne(Filters.eq("_id", "m-501"));
        });

        withStore(messages -> {
            assertThat(messages.find(Filters.eq("_id", ID)).first()).isEqualTo(sample());
            assertThat(messages.countDocuments()).isEqualTo(1000);
            assertThat(messages.find(Filters.eq("_id", "m-500")).first().getString("text")).isEqualTo("corrigé");
            assertThat(messages.find(Filters.eq("_id", "m-501")).first()).isNull();
            assertThat(messages.find(Filters.and(Filters.eq("channelId", "fed-29"), Filters.gt("seq", 1095L)))
                    .sort(Sorts.ascending("seq")).map(d -> d.getLong("seq")).into(new ArrayList<>()))
                    .containsExactly(1096L, 1097L, 1098L, 1099L);
            assertUniqueIndexesHold(messages);
            // a key freed by a delete is free again
            messages.insertOne(new Document("channelId", "fed-29").append("seq", 501L).append("authorId", "u-2").append("clientMessageId", "c-501"));
        });
    }

    @Test
    void history_and_catch_up_queries_answered_by_the_index_match_a_full_scan() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("relais").getCollection("messages");
            MongoCollection<Document> scanned = client.getDatabase("relais").getCollection("messages_without_index");
            indexed.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
            List<Document> documents = new ArrayList<>();
            for (long seq = 1; seq <= 300; seq++) {
                for (String channel : List.of("fed-29", "fed-2A", "fed-30")) {
                    documents.add(new Document("_id", channel + ":" + seq).append("channelId", channel).append("seq", seq)
                            .append("threadId", seq % 7 == 0 ? "t-" + (seq - 1) : null));
                }
            }
            indexed.insertMany(documents);
            scanned.insertMany(documents);

            List<org.bson.conversions.Bson> queries = List.of(
                    Filters.eq("channelId", "fed-2A"),
                    Filters.and(Filters.eq("channelId", "fed-2A"), Filters.gt("seq", 250L)),
                    Filters.and(Filters.eq("channelId", "fed-2A"), Filters.gte("seq", 250)),
                    Filters.and(Filters.eq("channelId", "fed-29"), Filters.lt("seq", 12L)),
                    Filters.and(Filters.eq("channelId", "fed-30"), Filters.gt("seq", 100L), Filters.lte("seq", 140L)),
                    Filters.and(Filters.eq("channelId", "fed-30"), Filters.gt("seq", 10L), Filters.eq("threadId", null)),
                    Filters.and(Filters.eq("channelId", "fed-30"), Filters.gt("seq", 300L)),
                    Filters.and(Filters.eq("channelId", "fed-31"), Filters.gt("seq", 0L)));
            for (var query : queries) {
                for (var sort : List.of(Sorts.ascending("seq"), Sorts.descending("seq"))) {
                    assertThat(indexed.find(query).sort(sort).limit(50).into(new ArrayList<>()))
                            .as("%s sorted by %s", query, sort)
                            .isEqualTo(scanned.find(query).sort(sort).limit(50).into(new ArrayList<>()));
                }
                assertThat(indexed.countDocuments(query)).as("count of %s", query).isEqualTo(scanned.countDocuments(query));
            }
            // writes through the same selectors
            indexed.updateMany(Filters.and(Filters.eq("channelId", "fed-29"), Filters.gt("seq", 295L)), new Document("$set", new Document("pinned", true)));
            assertThat(indexed.countDocuments(Filters.eq("pinned", true))).isEqualTo(5);
        }
    }

    @Test
    void a_file_written_by_earlier_versions_is_copied_once_and_kept_aside() {
        Path legacy = dataDir.resolve(EmbeddedMongoServer.LEGACY_FILE);
        MongoServer old = new MongoServer(new H2Backend(legacy.toString()));
        try (MongoClient client = MongoClients.create(old.bindAndGetConnectionString())) {
            MongoCollection<Document> messages = client.getDatabase("relais").getCollection("messages");
            messages.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
            messages.createIndex(Indexes.ascending("authorId", "clientMessageId"), new IndexOptions().unique(true));
            messages.insertOne(sample());
            client.getDatabase("relais").getCollection("channels").insertOne(new Document("_id", "fed-29").append("lastSeq", 42L));
        } finally {
            old.shutdown();
        }

        withStore(messages -> {
            assertThat(messages.find(Filters.eq("_id", ID)).first()).isEqualTo(sample());
            assertUniqueIndexesHold(messages);
        });
        assertThat(legacy).doesNotExist();
        assertThat(dataDir.resolve(EmbeddedMongoServer.LEGACY_FILE + ".migrated")).exists();
        assertThat(dataDir.resolve(EmbeddedMongoServer.STORE_FILE)).exists();

        withStore(messages -> {
            assertThat(messages.countDocuments()).as("copied once, not again at the next start").isEqualTo(1);
            assertThat(messages.getNamespace().getDatabaseName()).isEqualTo("relais");
        });
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("relais").getCollection("channels").find().first()).isEqualTo(new Document("_id", "fed-29").append("lastSeq", 42L));
        }
        assertThat(Files.exists(legacy)).isFalse();
    }
}
