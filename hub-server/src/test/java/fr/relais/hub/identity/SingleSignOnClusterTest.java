package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.RelaisApplication;
import fr.relais.hub.infra.mongo.EmbeddedMongoServer;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.RedisServerProcess;
import fr.relais.hub.support.RoundRobinProxy;
import fr.relais.hub.support.TestBrowser;
import fr.relais.sdk.stomp.StompClient;
import fr.relais.testidp.TestIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on on two hub nodes behind a round-robin load balancer (a TCP proxy that gives each
 * connection to the next node; the test browser opens one connection per request), with a real
 * OpenID Connect provider and a real Redis: the provider's answer reaches the other node than the one
 * that sent the browser there, the cookie session works on both (REST and the WebSocket handshake),
 * a logout on one ends it on both, and
 * a browser stays signed in when its node goes away.
 */
class SingleSignOnClusterTest {
    RedisServerProcess redis;
    EmbeddedMongoServer mongo;
    ConfigurableApplicationContext provider;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;
    RoundRobinProxy loadBalancer;
    String hub;
    String issuer;
    int portA;
    int portB;

    @BeforeEach
    void start() throws IOException {
        redis = RedisServerProcess.startOrSkip();
        mongo = EmbeddedMongoServer.inMemory();
        portA = freePort();
        portB = freePort();
        loadBalancer = new RoundRobinProxy(List.of(portA, portB));
        hub = "http://localhost:" + loadBalancer.port();
        provider = TestIdentityProvider.start(loadBalancer.port());
        issuer = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
        nodeA = startNode(portA);
        nodeB = startNode(portB);
    }

    @AfterEach
    void stop() throws IOException {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {nodeA, nodeB, provider}) {
            if (c != null && c.isActive()) c.close();
        }
        if (loadBalancer != null) loadBalancer.close();
        if (mongo != null) mongo.close();
        if (redis != null) redis.close();
    }

    @Test
    void a_browser_signs_in_across_nodes_stays_signed_in_on_each_and_when_its_node_is_gone() throws Exception {
        TestBrowser browser = new TestBrowser(true);
        signIn(browser);
        assertThat(loadBalancer.servedBy.subList(0, 2)).as("sign-in sent by one node, the provider's answer taken by the other")
                .containsExactlyInAnyOrder(portA, portB);

        int before = loadBalancer.servedBy.size();
        assertThat(me(browser).get("username").asString()).isEqualTo("gwen");
        assertThat(me(browser).get("username").asString()).isEqualTo("gwen");
        assertThat(loadBalancer.servedBy.subList(before, before + 2)).containsExactlyInAnyOrder(portA, portB);
        String xsrf = browser.csrfToken(hub);
        assertThat(browser.post(hub + "/api/v1/channels/fed-29/messages", "{\"text\":\"Bonjour des deux nœuds\"}",
                Map.of("X-XSRF-TOKEN", xsrf)).statusCode()).isEqualTo(201);
        // The web client's WebSocket: authenticated by the cookie of its handshake, on whichever node it reaches.
        for (int i = 0; i < 2; i++) {
            StompClient live = StompClient.connect(URI.create(hub + "/ws"), Map.of(), Map.of("Origin", hub,
                    "Cookie", "RELAIS_SESSION=" + browser.cookie("localhost", "RELAIS_SESSION").getValue())).get(10, TimeUnit.SECONDS);
            live.sendWithReceipt("/app/channels.fed-29.send", "{\"text\":\"En direct\",\"clientMessageId\":\"c-" + i + "\"}")
                    .get(10, TimeUnit.SECONDS);
            live.close();
        }

        // Logout on one node ends the session on both.
        HttpResponse<String> logout = browser.post(hub + "/api/v1/auth/logout", "", Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(issuer).contains("id_token_hint=");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(status(browser)).isEqualTo(401);
            assertThat(status(browser)).isEqualTo(401);
        });

        // Signed in again, the browser keeps its session when the node it signed in on goes away.
        TestBrowser again = new TestBrowser(true);
        signIn(again);
        nodeA.close();
        for (int i = 0; i < 3; i++) assertThat(me(again).get("username").asString()).isEqualTo("gwen");
        assertThat(loadBalancer.servedBy.getLast()).isEqualTo(portB);
    }

    private void signIn(TestBrowser browser) throws Exception {
        HttpResponse<String> start = browser.get(hub + "/oauth2/authorization/party");
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> landed = browser.signInAndFollow(start.headers().firstValue("Location").orElseThrow(), "gwen");
        assertThat(landed.uri().toString()).as("back on the hub, not on /?login=failed").isEqualTo(hub + "/");
    }

    private JsonNode me(TestBrowser browser) throws Exception {
        HttpResponse<String> response = browser.get(hub + "/api/v1/me");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }

    private int status(TestBrowser browser) throws Exception {
        return browser.get(hub + "/api/v1/me").statusCode();
    }

    private ConfigurableApplicationContext startNode(int port) {
        return new SpringApplicationBuilder(RelaisApplication.class).run(
                "--server.port=" + port,
                "--relais.mongo.uri=" + mongo.connectionString() + "/relais",
                "--relais.mongo.data-dir=" + System.getProperty("java.io.tmpdir") + "/relais-sso-cluster-" + UUID.randomUUID(),
                "--relais.cluster.redis-url=" + redis.url(),
                "--relais.security.admin-password=sso-cluster-admin-password",
                "--relais.security.allowed-origins=" + hub,
                "--relais.security.oidc.issuer-uri=" + issuer,
                "--relais.security.oidc.client-id=relais-hub",
                "--relais.security.oidc.client-secret=" + TestIdentityProvider.HUB_CLIENT_SECRET,
                "--relais.security.oidc.role-mapping.relais-coordinateurs=FEDERATION_COORDINATOR");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
