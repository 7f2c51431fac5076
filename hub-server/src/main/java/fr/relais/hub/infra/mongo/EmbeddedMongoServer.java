package fr.relais.hub.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import fr.relais.hub.infra.mongo.embedded.EmbeddedBackend;
import fr.relais.hub.infra.mongo.embedded.EmbeddedStoreStats;
import fr.relais.hub.infra.mongo.embedded.LegacyStoreMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server running inside the hub, backed by an H2 MVStore file
 * ({@link EmbeddedBackend}: documents stored as BSON), so that a newcomer needs no MongoDB. The hub
 * talks to it through the ordinary MongoDB driver over loopback, exactly as it talks to a real MongoDB.
 *
 * <p>Every change goes to a write-ahead journal first ({@code store.mv.journal.N} beside the file);
 * {@link #commit()}, called by the message writer after each batch, writes the journal since the last
 * call to the operating system, so a message acknowledged to its sender survives a crash of the hub
 * process. The B-tree file is brought up to date about once a second, and the journal files it makes
 * unnecessary are deleted; at start-up, those left by a crash are replayed.
 *
 * <p>The file is {@code store.mv} in the data directory. A {@code relais.mv} left by earlier versions
 * (another format) is copied into it once, then renamed {@code relais.mv.migrated}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    static final String STORE_FILE = "store.mv";
    static final String LEGACY_FILE = "relais.mv";

    private final EmbeddedBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(EmbeddedBackend backend) {
        // Netty's buffer-leak sampling (a debugging aid) records a stack trace for sampled buffers; the
        // embedded server allocates one per request, which the profile showed on every store call.
        // An explicit -Dio.netty.leakDetection.level still wins.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongoServer onDisk(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(STORE_FILE);
        Path legacy = dataDir.resolve(LEGACY_FILE);
        boolean migrate = Files.exists(legacy) && !Files.exists(file);
        log.info("Embedded storage: {} (set MONGODB_URI to use a real MongoDB)", file.toAbsolutePath());
        EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedBackend.onDisk(file.toString()));
        if (migrate) server.migrateFrom(legacy);
        return server;
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(EmbeddedBackend.inMemory());
    }

    /** Copies the earlier format's file in, makes it durable, then moves the old file aside (never deleted). */
    private void migrateFrom(Path legacy) {
        try {
            LegacyStoreMigration.copy(legacy.toString(), connectionString());
            commit();
            Files.move(legacy, legacy.resolveSibling(LEGACY_FILE + ".migrated"));
        } catch (IOException | RuntimeException e) {
            close();
            try {
                Files.deleteIfExists(legacy.resolveSibling(STORE_FILE)); // half a copy: the next start tries again
            } catch (IOException ignored) {
                // reported below
            }
            throw new IllegalStateException("Could not copy " + legacy + " into the current store format; it is untouched", e);
        }
    }

    /** The file's and journal's figures; none when the store is in memory. */
    public Optional<EmbeddedStoreStats> stats() {
        return backend.stats();
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        backend.commit();
        server.shutdown(); // also closes the backend and its file
    }
}
