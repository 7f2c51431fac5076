package fr.relais.hub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis server started by the test (the {@code redis-server} binary from Debian's package,
 * installed by {@code .ci/run}), on a free loopback port, without persistence. Can be stopped and
 * started again on the same port to simulate Redis going away and coming back.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final Path binary;
    private final int port;
    private Process process;

    private RedisServerProcess(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Starts Redis, or skips the calling test with a clear message when no redis-server binary exists. */
    public static RedisServerProcess startOrSkip() {
        Optional<Path> binary = find();
        Assumptions.assumeTrue(binary.isPresent(),
                "redis-server not found (install Debian's redis-server package, as .ci/run does): skipping the multi-node tests");
        RedisServerProcess redis = new RedisServerProcess(binary.get(), freePort());
        redis.start();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() {
        try {
            process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary, e);
        }
        await().atMost(Duration.ofSeconds(10)).until(this::answersPing);
    }

    public void stop() {
        if (process == null) return;
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean answersPing() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> find() {
        List<Path> candidates = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, "redis-server")),
                Stream.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server"))).toList();
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
