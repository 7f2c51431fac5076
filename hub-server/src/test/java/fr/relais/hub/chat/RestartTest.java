package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.RelaisApplication;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The embedded store keeps its file: a hub restarted on the same data directory has the whole history. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void history_and_sequence_survive_a_restart() {
        String firstId;
        long firstSeq;
        String cid = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext hub = start()) {
            Api api = new Api(port(hub));
            String admin = api.token("admin", "restart-admin-password");
            try (LiveClient live = LiveClient.connect(api.ws(), admin)) {
                live.sendAndAwaitReceipt("fed-22", "Avant le redémarrage", cid);
            }
            JsonNode page = api.get("/api/v1/channels/fed-22/messages", admin).json();
            firstId = page.get(0).get("id").asString();
            firstSeq = page.get(0).get("seq").asLong();
        }
        try (ConfigurableApplicationContext hub = start()) {
            Api api = new Api(port(hub));
            String admin = api.token("admin", "restart-admin-password"); // same admin, not recreated
            JsonNode page = api.get("/api/v1/channels/fed-22/messages", admin).json();
            assertThat(page).hasSize(1);
            assertThat(page.get(0).get("id").asString()).isEqualTo(firstId);
            assertThat(page.get(0).get("clientMessageId").asString()).isEqualTo(cid);

            JsonNode next = api.post("/api/v1/channels/fed-22/messages", admin, Map.of("text", "Après le redémarrage")).json();
            assertThat(next.get("seq").asLong()).isGreaterThan(firstSeq);
            // A resend after the restart is still recognised.
            JsonNode resent = api.post("/api/v1/channels/fed-22/messages", admin, Map.of("text", "Avant le redémarrage", "clientMessageId", cid)).json();
            assertThat(resent.get("id").asString()).isEqualTo(firstId);
        }
    }

    @Test
    void search_finds_messages_stored_before_a_restart_even_if_the_index_was_lost() throws Exception {
        try (ConfigurableApplicationContext hub = start()) {
            Api api = new Api(port(hub));
            String admin = api.token("admin", "restart-admin-password");
            api.post("/api/v1/channels/fed-22/messages", admin, Map.of("text", "Collage d'affiches à Lannion samedi"));
        }
        // The index is derived data: without it, the hub rebuilds it from the store.
        try (var files = java.nio.file.Files.walk(dataDir.resolve("search-index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (ConfigurableApplicationContext hub = start()) {
            Api api = new Api(port(hub));
            String admin = api.token("admin", "restart-admin-password");
            org.awaitility.Awaitility.await().until(() ->
                    api.get("/api/v1/search?q=" + Api.q("affiche lannion"), admin).json().size() == 1);
            api.post("/api/v1/channels/fed-22/messages", admin, Map.of("text", "Nouvelles affiches arrivées"));
            org.awaitility.Awaitility.await().until(() ->
                    api.get("/api/v1/search?q=" + Api.q("affiches"), admin).json().size() == 2);
        }
    }

    @Test
    void the_store_file_and_its_checkpoints_are_on_the_metrics_endpoint() {
        try (ConfigurableApplicationContext hub = start()) {
            Api api = new Api(port(hub));
            String admin = api.token("admin", "restart-admin-password");
            api.post("/api/v1/channels/fed-22/messages", admin, Map.of("text", "Un message à écrire sur le disque"));
            // A checkpoint runs about once a second while something changed.
            org.awaitility.Awaitility.await().untilAsserted(() -> {
                String metrics = api.get("/actuator/prometheus", null).body();
                assertThat(metric(metrics, "relais_store_checkpoints_total")).isGreaterThanOrEqualTo(1);
                assertThat(metric(metrics, "relais_store_file_size_bytes"))
                        .isEqualTo((double) java.nio.file.Files.size(dataDir.resolve("store.mv")));
                assertThat(metric(metrics, "relais_store_file_fill_percent")).isBetween(1.0, 100.0);
                assertThat(metric(metrics, "relais_store_checkpoint_held_seconds")).isBetween(0.0, 1.0);
                assertThat(metric(metrics, "relais_store_checkpoint_duration_seconds")).isGreaterThanOrEqualTo(0.0);
            });
        }
    }

    private static double metric(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " is not exposed"));
    }

    @Test
    void catching_up_starts_a_minute_before_the_last_indexed_message() {
        assertThat(fr.relais.hub.search.SearchIndexerAccess.aMinuteBefore("6b0136b6f188f9302da3cca6"))
                .isEqualTo(String.format("%08x", 0x6b0136b6L - 60) + "0000000000000000");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RelaisApplication.class).run(
                "--server.port=0",
                "--relais.mongo.data-dir=" + dataDir,
                "--relais.security.admin-password=restart-admin-password");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
