package fr.relais.bench.cluster;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire store shared by several hub nodes on this machine: the same mongo-java-server
 * with H2 backend the hub embeds, but on a fixed loopback port so that both nodes can point
 * {@code --relais.mongo.uri} at it. In memory; stops with the process.
 *
 * <p>Usage: {@code java -cp ... fr.relais.bench.cluster.StandaloneMongo <port>}
 */
public final class StandaloneMongo {

    private StandaloneMongo() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        H2Backend backend = H2Backend.inMemory();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }));
        System.out.println("mongo-wire store listening on 127.0.0.1:" + port);
        stopped.await();
    }
}
