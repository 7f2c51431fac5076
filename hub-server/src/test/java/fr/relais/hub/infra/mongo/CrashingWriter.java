package fr.relais.hub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Run in its own JVM by {@link EmbeddedStoreCrashTest}: writes batches into the embedded store as the
 * message writer does (insert, change an indexed field, durability barrier), prints {@code ACK n} after
 * each barrier, and {@code millis} after it starts writing dies on the spot ({@link Runtime#halt}: no shutdown, no close)
 * in the middle of a batch that was never acknowledged.
 */
public final class CrashingWriter {
    static final int BATCH = 20;

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        long millis = Long.parseLong(args[1]);
        EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> messages = client.getDatabase("relais").getCollection("messages");
        messages.createIndex(Indexes.ascending("channelId", "seq"), new IndexOptions().unique(true));
        messages.createIndex(Indexes.ascending("authorId", "clientMessageId"), new IndexOptions().unique(true));
        long seq = messages.countDocuments();
        // Counted from here, not from the JVM's start: a busy machine must not leave no time to write.
        long until = System.nanoTime() + millis * 1_000_000;
        while (true) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) batch.add(document(++seq));
            messages.insertMany(batch);
            if (System.nanoTime() > until) Runtime.getRuntime().halt(3); // this batch was never acknowledged
            // An indexed field that changes after the insert: its old index entry goes, a new one comes.
            messages.updateOne(Filters.eq("_id", "m-" + (seq - 1)), Updates.set("clientMessageId", "edited-" + (seq - 1)));
            server.commit();
            System.out.println("ACK " + seq);
            System.out.flush();
        }
    }

    static Document document(long seq) {
        return new Document("_id", "m-" + seq).append("channelId", "fed-" + (seq % 7)).append("seq", seq)
                .append("authorId", "u-" + (seq % 3)).append("clientMessageId", "c-" + seq)
                .append("text", "message " + seq + " — « accentué » 🎉");
    }

    private CrashingWriter() {
    }
}
