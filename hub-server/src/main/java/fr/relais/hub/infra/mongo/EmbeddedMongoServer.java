package fr.relais.hub.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server running inside the hub, backed by an H2 MVStore file, so that a
 * newcomer needs no MongoDB. The hub talks to it through the ordinary MongoDB driver over loopback,
 * exactly as it talks to a real MongoDB.
 *
 * <p>MVStore commits in the background about once a second; {@link #commit()} forces a commit and is
 * called by the message writer after each batch, so a message acknowledged to its sender survives
 * a crash of the hub process.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(H2Backend backend) {
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
        Path file = dataDir.resolve("relais.mv");
        log.info("Embedded storage: {} (set MONGODB_URI to use a real MongoDB)", file.toAbsolutePath());
        return new EmbeddedMongoServer(new H2Backend(file.toString()));
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(H2Backend.inMemory());
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
