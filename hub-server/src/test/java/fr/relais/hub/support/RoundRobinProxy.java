package fr.relais.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A load balancer for tests: a TCP proxy on 127.0.0.1 that sends each new connection to the next
 * backend port in turn, skipping those that refuse it (a node that is down), as a load balancer's
 * health checks would. {@link #servedBy} records which backend took each connection.
 */
public final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Integer> backends;
    public final List<Integer> servedBy = new CopyOnWriteArrayList<>();
    private int next;

    public RoundRobinProxy(List<Integer> backendPorts) throws IOException {
        this.backends = List.copyOf(backendPorts);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("test-load-balancer").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend = connectToNext();
                if (backend == null) {
                    client.close();
                    continue;
                }
                pipe(client, backend);
                pipe(backend, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private Socket connectToNext() {
        for (int tries = 0; tries < backends.size(); tries++) {
            int port = backends.get(next++ % backends.size());
            try {
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), port);
                servedBy.add(port);
                return backend;
            } catch (IOException down) {
                // the next one
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
