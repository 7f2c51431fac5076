package fr.relais.hub.bots;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.relais.bots.alert.AlertBot;
import fr.relais.bots.alert.FeedConfig;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import fr.relais.sdk.bot.HubRest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The alert bot reads feeds served by the test and posts each item once, also after it restarts; urgent items notify the channel. */
@HubIntegrationTest
class AlertBotTest {
    @LocalServerPort
    int port;

    @Test
    void each_feed_item_is_posted_once_across_restarts() throws Exception {
        World world = World.on(port);
        JsonNode created = Bots.create(world, "veille", List.of("fed-75"), false);
        String botId = created.get("bot").get("id").asString();
        AtomicReference<String> rss = new AtomicReference<>(rss(item("1", "Communiqué : réforme des retraites"), item("2", "Meeting à Lyon")));
        AtomicReference<String> atom = new AtomicReference<>(atom("Manifestation nationale ce soir"));
        HttpServer feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext("/rss.xml", ex -> serve(ex, rss.get(), "application/rss+xml"));
        feeds.createContext("/atom.xml", ex -> serve(ex, atom.get(), "application/atom+xml"));
        feeds.start();
        try {
            String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
            List<FeedConfig> config = FeedConfig.parse("info|fed-75|" + base + "/rss.xml\nurgent|fed-75|" + base + "/atom.xml");
            HubRest rest = new HubRest(URI.create("http://localhost:" + port), created.get("token").asString());

            assertThat(new AlertBot(rest, config).pollOnce()).isEqualTo(3);
            assertThat(byBot(world, botId)).hasSize(3);

            AlertBot restarted = new AlertBot(rest, config); // a new process: no memory of what it sent
            restarted.pollOnce();
            assertThat(byBot(world, botId)).hasSize(3);

            rss.set(rss(item("1", "Communiqué : réforme des retraites"), item("2", "Meeting à Lyon"), item("3", "Nouveau tract")));
            assertThat(restarted.pollOnce()).isEqualTo(1);
            List<JsonNode> messages = byBot(world, botId);
            assertThat(messages).hasSize(4);
            assertThat(messages.stream().filter(m -> m.get("text").asString().contains("Nouveau tract"))).hasSize(1);
            JsonNode urgent = messages.stream().filter(m -> m.get("text").asString().contains("Manifestation")).findFirst().orElseThrow();
            assertThat(urgent.get("mentionsChannel").asBoolean()).isTrue();
            assertThat(urgent.get("text").asString()).contains("URGENT");
            assertThat(messages.stream().filter(m -> m.get("text").asString().contains("Meeting")).findFirst().orElseThrow()
                    .get("mentionsChannel").asBoolean()).isFalse();
        } finally {
            feeds.stop(0);
        }
    }

    private static List<JsonNode> byBot(World world, String botId) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode m : world.api.get("/api/v1/channels/fed-75/messages?limit=200", world.token("chloe")).json()) {
            if (m.get("author").get("id").asString().equals(botId)) result.add(m);
        }
        return result;
    }

    private static void serve(com.sun.net.httpserver.HttpExchange ex, String body, String type) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String item(String id, String title) {
        return "<item><guid isPermaLink=\"false\">cp-" + id + "</guid><title>" + title + "</title><link>https://parti.example/cp/" + id
                + "</link><description>&lt;p&gt;Détails du " + title + "&lt;/p&gt;</description><pubDate>Mon, 0" + id
                + " Jun 2026 10:00:00 GMT</pubDate></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Communiqués</title>"
                + "<link>https://parti.example</link><description>Presse</description>" + String.join("", items) + "</channel></rss>";
    }

    private static String atom(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Urgences</title>"
                + "<id>urn:relais:urgences</id><updated>2026-06-01T10:00:00Z</updated><entry><id>urn:relais:u-1</id><title>" + title
                + "</title><link href=\"https://parti.example/u/1\"/><updated>2026-06-01T10:00:00Z</updated><summary>Tous mobilisés</summary></entry></feed>";
    }
}
