package fr.relais.hub.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store after its process dies: every write acknowledged by a durability barrier is there
 * after a restart, exactly once, and the unique indexes agree with the documents, also when the
 * process died across several checkpoints, and when the journal ends in a half-written block; a
 * damaged journal file with later ones after it stops the start and changes nothing.
 */
class EmbeddedStoreCrashTest {
    @TempDir
    Path dataDir;

    @Test
    void acknowledged_writes_survive_a_crash_across_checkpoints() throws Exception {
        long acknowledged = crashWhileWriting(2_500); // two one-second checkpoints while writing
        assertThat(journalFiles()).as("the crash left journal files to replay").isNotEmpty();

        assertEveryAcknowledgedWriteIsThere(acknowledged);
    }

    @Test
    void a_half_written_last_block_is_ignored_and_nothing_acknowledged_is_lost() throws Exception {
        long acknowledged = crashWhileWriting(1_200);
        Path last = journalFiles().getLast();
        // A block header announcing more bytes than follow, as a write cut short by a crash leaves it.
        Files.write(last, new byte[] {0, 0, 1, 0, 12, 34, 56, 78, 1, 2, 3}, StandardOpenOption.APPEND);

        assertEveryAcknowledgedWriteIsThere(acknowledged);
    }

    @Test
    void a_damaged_journal_file_followed_by_others_stops_the_start_and_changes_nothing() throws Exception {
        long acknowledged = crashWhileWriting(1_200);
        List<Path> files = journalFiles();
        Path damaged = files.getLast();
        // A later journal file after the damaged one: replaying it over the gap would mix states.
        String name = damaged.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path later = damaged.resolveSibling(name.substring(0, dot + 1)
                + String.format("%016d", Long.parseLong(name.substring(dot + 1)) + 1));
        Files.copy(damaged, later);
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        byte[] storeBefore = Files.readAllBytes(dataDir.resolve(EmbeddedMongoServer.STORE_FILE));

        assertThatThrownBy(() -> EmbeddedMongoServer.onDisk(dataDir))
                .hasStackTraceContaining("is damaged at byte").hasStackTraceContaining(damaged.getFileName().toString());
        assertThat(Files.readAllBytes(dataDir.resolve(EmbeddedMongoServer.STORE_FILE))).isEqualTo(storeBefore);
        assertThat(journalFiles()).contains(damaged, later);

        // With the damaged file mended (here: put back intact) and the extra one gone, the store starts.
        Files.delete(later);
        Files.write(damaged, bytes);
        assertEveryAcknowledgedWriteIsThere(acknowledged);
    }

    @Test
    void a_restarted_store_keeps_writing_and_survives_a_second_crash() throws Exception {
        long first = crashWhileWriting(1_000);
        long second = crashWhileWriting(1_000);
        assertThat(second).isGreaterThan(first);

        assertEveryAcknowledgedWriteIsThere(second);
    }

    /** @return the last seq acknowledged before the writer's process died */
    private long crashWhileWriting(long millis) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDir.toString(), Long.toString(millis))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ACK ")) acknowledged = Long.parseLong(line.substring(4));
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the writer died on purpose (halt 3)").isEqualTo(3);
        assertThat(acknowledged).as("the writer acknowledged something before dying").isGreaterThanOrEqualTo(CrashingWriter.BATCH);
        return acknowledged;
    }

    private void assertEveryAcknowledgedWriteIsThere(long acknowledged) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> messages = client.getDatabase("relais").getCollection("messages");
            Set<Long> seqs = new HashSet<>();
            for (Document d : messages.find()) {
                long seq = d.getLong("seq");
                assertThat(seqs.add(seq)).as("seq %d stored once", seq).isTrue();
                // Both unique indexes find the document by its current fields.
                assertThat(messages.find(Filters.and(Filters.eq("channelId", d.getString("channelId")), Filters.eq("seq", seq)))
                        .into(new java.util.ArrayList<>())).containsExactly(d);
                assertThat(messages.find(Filters.and(Filters.eq("authorId", d.getString("authorId")),
                        Filters.eq("clientMessageId", d.getString("clientMessageId")))).into(new java.util.ArrayList<>())).containsExactly(d);
            }
            for (long seq = 1; seq <= acknowledged; seq++) assertThat(seqs).as("acknowledged seq %d", seq).contains(seq);
            long edited = messages.countDocuments(Filters.regex("clientMessageId", "^edited-"));
            assertThat(edited).as("one edit per acknowledged batch").isGreaterThanOrEqualTo(acknowledged / CrashingWriter.BATCH);
            // An edited document's old clientMessageId is free again; its new one is taken.
            Document edited1 = messages.find(Filters.eq("_id", "m-" + (CrashingWriter.BATCH - 1))).first();
            assertThat(edited1.getString("clientMessageId")).isEqualTo("edited-" + (CrashingWriter.BATCH - 1));
            messages.insertOne(new Document("_id", "probe").append("channelId", "probe").append("seq", 1L)
                    .append("authorId", edited1.getString("authorId")).append("clientMessageId", "c-" + (CrashingWriter.BATCH - 1)));
            assertThatThrownBy(() -> messages.insertOne(new Document("channelId", "probe").append("seq", 2L)
                    .append("authorId", edited1.getString("authorId")).append("clientMessageId", edited1.getString("clientMessageId"))))
                    .isInstanceOf(MongoWriteException.class);
            messages.deleteOne(Filters.eq("_id", "probe"));
        }
    }

    private List<Path> journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(EmbeddedMongoServer.STORE_FILE + ".journal."))
                    .filter(p -> p.toFile().length() > 0).sorted().toList();
        }
    }
}
