package fr.relais.sdk.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: the test thread plays the server's part. */
class StompClientTest {

    // Generous bound so that a broken client fails the test instead of hanging the build.
    private static final long PATIENCE_SECONDS = 20;

    private TinyWebSocketServer server;
    private CompletableFuture<StompClient> pendingConnection;

    @BeforeEach
    void startServer() throws Exception {
        server = new TinyWebSocketServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void connectsWithBearerTokenAndHandshakeHeaders() throws Exception {
        CompletableFuture<StompClient> pending = StompClient.connect(server.uri(),
                Map.of("Authorization", "Bearer secret-token"), Map.of("Origin", "http://localhost:8080"));

        try (TinyWebSocketServer.Connection connection = server.accept()) {
            StompFrame connect = connection.readFrame();
            connection.sendFrame(StompFrame.of("CONNECTED", Map.of("version", "1.2", "heart-beat", "0,0")));
            StompClient client = await(pending);

            assertThat(connection.requestHeaders()).containsEntry("origin", "http://localhost:8080");
            assertThat(connect.command()).isEqualTo("CONNECT");
            assertThat(connect.headers()).containsEntry("accept-version", "1.2")
                    .containsEntry("host", "127.0.0.1")
                    .containsEntry("heart-beat", "0,0")
                    .containsEntry("Authorization", "Bearer secret-token");
            assertThat(client.isOpen()).isTrue();
            client.close();
        }
    }

    @Test
    void failsTheConnectionWithTheErrorFrameWhenTheServerRefusesConnect() throws Exception {
        CompletableFuture<StompClient> pending = StompClient.connect(server.uri(), Map.of(), Map.of());

        try (TinyWebSocketServer.Connection connection = server.accept()) {
            connection.readFrame();
            connection.sendFrame(StompFrame.of("ERROR", Map.of("message", "Bad credentials")));

            StompErrorException error = stompErrorOf(pending);
            assertThat(error.errorFrame().header("message")).isEqualTo("Bad credentials");
        }
    }

    @Test
    void failsTheConnectionWithTheCloseCodeWhenTheServerHangsUp() throws Exception {
        CompletableFuture<StompClient> pending = StompClient.connect(server.uri(), Map.of(), Map.of());

        try (TinyWebSocketServer.Connection connection = server.accept()) {
            connection.readFrame();
            connection.sendClose(1008);

            assertThat(stompErrorOf(pending).closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void reportsTheHttpStatusOfARefusedHandshake() throws Exception {
        CompletableFuture<StompClient> pending = StompClient.connect(server.uri(), Map.of(), Map.of());

        server.acceptAndReject(403);

        assertThat(stompErrorOf(pending).handshakeStatus()).isEqualTo(403);
    }

    @Test
    void routesMessagesToTheirSubscriptionEvenWhenFragmentedAndBatched() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            List<StompFrame> received = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> bothArrived = new CompletableFuture<>();
            client.subscribe("/topic/channels.fed-29", frame -> {
                received.add(frame);
                if (received.size() == 2) {
                    bothArrived.complete(null);
                }
            });

            StompFrame subscribe = connection.readFrame();
            String big = "{\"text\":\"" + "é".repeat(200_000) + "\"}";
            String twoFrames = StompFrameCodec.encode(message(subscribe.header("id"), big))
                    + "\n" + StompFrameCodec.encode(message(subscribe.header("id"), "{}"));
            connection.sendFragmented(twoFrames, 65_000);
            bothArrived.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            assertThat(subscribe.headers()).containsEntry("id", "sub-1")
                    .containsEntry("destination", "/topic/channels.fed-29");
            assertThat(received).extracting(StompFrame::body).containsExactly(big, "{}");
            client.close();
        }
    }

    @Test
    void completesASendReceiptOnlyWithTheMatchingReceiptId() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            String body = "{\"text\":\"ça va ?\",\"clientMessageId\":\"m-1\"}";

            CompletableFuture<StompFrame> receipt = client.sendWithReceipt("/app/channels.fed-29.send", body);
            StompFrame send = connection.readFrame();
            connection.sendFrame(StompFrame.of("RECEIPT", Map.of("receipt-id", "some-other-id")));
            connection.sendFrame(StompFrame.of("RECEIPT", Map.of("receipt-id", send.header("receipt"))));

            assertThat(receipt.get(PATIENCE_SECONDS, TimeUnit.SECONDS).header("receipt-id")).isEqualTo(send.header("receipt"));
            assertThat(send.body()).isEqualTo(body);
            assertThat(send.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("content-length", String.valueOf(StompFrameCodec.utf8Length(body)));
            client.close();
        }
    }

    @Test
    void failsTheReceiptOnAnErrorFrameQuotingIt() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            List<StompFrame> heard = new CopyOnWriteArrayList<>();
            client.onError(heard::add);

            CompletableFuture<StompFrame> receipt = client.sendWithReceipt("/app/x", "{}", Map.of("receipt", "mine"));
            connection.readFrame();
            connection.sendFrame(StompFrame.of("ERROR", Map.of("receipt-id", "mine", "message", "too big")));

            assertThat(stompErrorOf(receipt).errorFrame().header("message")).isEqualTo("too big");
            assertThat(client.errors()).hasSize(1);
            assertThat(heard).hasSize(1);
            client.close();
        }
    }

    @Test
    void rawTextGoesOutAsIsAndTheErrorItEarnsReachesListenersBeforeTheClose() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            List<StompFrame> heard = new CopyOnWriteArrayList<>();
            client.onError(heard::add);

            client.sendRaw("SEND\ndestination:/app/x\nbad-escape:\\t\n\n{}\0");
            assertThat(connection.readTextMessageForTest()).isEqualTo("SEND\ndestination:/app/x\nbad-escape:\\t\n\n{}\0");
            connection.sendFrame(StompFrame.of("ERROR", Map.of("code", "validation_failed")));
            connection.sendClose(1002);

            assertThat(client.closed().get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1002);
            assertThat(heard).extracting(frame -> frame.header("code")).containsExactly("validation_failed");
            assertThat(client.errors()).hasSize(1);
        }
    }

    @Test
    void serialisesSendsFromManyThreads() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            int threads = 8;
            int perThread = 200;
            ExecutorService senders = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        client.send("/app/x", "{\"n\":\"" + thread + "-" + i + "\"}");
                    }
                });
            }

            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < threads * perThread; i++) {
                bodies.add(connection.readFrame().body());
            }
            senders.shutdown();

            assertThat(bodies).doesNotHaveDuplicates().hasSize(threads * perThread);
            client.close();
        }
    }

    @Test
    void disconnectWaitsForTheReceiptThenClosesNormally() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);

            CompletableFuture<Void> disconnecting = CompletableFuture.runAsync(client::disconnect);
            StompFrame disconnect = connection.readFrame();
            connection.sendFrame(StompFrame.of("RECEIPT", Map.of("receipt-id", disconnect.header("receipt"))));
            assertThat(connection.readFrame()).isNull();
            disconnecting.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            assertThat(disconnect.command()).isEqualTo("DISCONNECT");
            assertThat(connection.closeCodeFromClient()).isEqualTo(1000);
            assertThat(client.closed().get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(client.isOpen()).isFalse();
            client.disconnect(); // idempotent
        }
    }

    @Test
    void serverCloseEndsTheClientAndFailsPendingReceipts() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);
            CompletableFuture<StompFrame> receipt = client.sendWithReceipt("/app/x", "{}");
            connection.readFrame();

            connection.sendClose(1011);

            assertThat(client.closed().get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1011);
            assertThat(stompErrorOf(receipt).closeCode()).isEqualTo(1011);
            assertThat(client.isOpen()).isFalse();
        }
    }

    @Test
    void abruptCloseReportsAnAbnormalClosure() throws Exception {
        try (TinyWebSocketServer.Connection connection = connectAndAccept()) {
            StompClient client = connectedClient(connection);

            client.close();

            assertThat(client.closed().get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1006);
            assertThat(client.isOpen()).isFalse();
        }
    }

    private TinyWebSocketServer.Connection connectAndAccept() throws Exception {
        pendingConnection = StompClient.connect(server.uri(), Map.of(), Map.of());
        return server.accept();
    }

    private StompClient connectedClient(TinyWebSocketServer.Connection connection) throws Exception {
        assertThat(connection.readFrame().command()).isEqualTo("CONNECT");
        connection.sendFrame(StompFrame.of("CONNECTED", Map.of("version", "1.2")));
        return await(pendingConnection);
    }

    private static StompFrame message(String subscriptionId, String body) {
        return new StompFrame("MESSAGE", Map.of("subscription", subscriptionId, "destination", "/topic/x",
                "message-id", "1"), body);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static StompErrorException stompErrorOf(CompletableFuture<?> future) {
        assertThatThrownBy(() -> future.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StompErrorException.class);
        return (StompErrorException) future.exceptionNow();
    }
}
