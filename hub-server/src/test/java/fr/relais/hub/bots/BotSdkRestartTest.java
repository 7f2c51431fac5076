package fr.relais.hub.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.RelaisApplication;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.World;
import fr.relais.sdk.bot.ChannelEvent;
import fr.relais.sdk.bot.RelaisBot;
import fr.relais.sdk.bot.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A bot built with the SDK connects over WebSocket with its bot token, registers /desintox, answers it in
 * the channel, and loses nothing across a hub restart: what was posted and typed while it was cut off
 * reaches it once (channel resync from its last seq; pending invocations listed on reconnect).
 */
class BotSdkRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void a_bot_answers_its_command_and_misses_nothing_across_a_hub_restart() throws Exception {
        int port = freePort();
        List<ChannelEvent> seen = new CopyOnWriteArrayList<>();
        RelaisBot bot;
        String botId;
        try (ConfigurableApplicationContext hub = start(port)) {
            World world = World.on(port);
            JsonNode created = Bots.create(world, "desintox", List.of("fed-29"), false);
            botId = created.get("bot").get("id").asString();
            assertThat(created.get("token").asString()).startsWith("rlspat_");
            bot = RelaisBot.builder(URI.create("http://localhost:" + port), created.get("token").asString())
                    .command("desintox", "Vérifier une information", inv -> Reply.toChannel("Vérification de « " + inv.args() + " » : FAUX"))
                    .follow("fed-29")
                    .onChannelEvent(seen::add)
                    .build().start();
            await().atMost(Duration.ofSeconds(20)).until(bot::connected);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.api.get("/api/v1/commands", world.token("alice")).body().contains("desintox"));

            // Typed in the channel like any message: routed to the bot, not stored as a message.
            Api.Response typed = world.api.post("/api/v1/channels/fed-29/messages", world.token("alice"),
                    Map.of("text", "/desintox le vote par SMS", "clientMessageId", "c-1"));
            assertThat(typed.status()).isEqualTo(202);
            assertThat(typed.json().get("code").asString()).isEqualTo("command_routed");
            JsonNode answer = awaitMessage(world, "FAUX");
            assertThat(answer.get("author").get("bot").asBoolean()).isTrue();
            assertThat(answer.get("author").get("id").asString()).isEqualTo(botId);
            assertThat(answer.get("text").asString()).contains("le vote par SMS");
            assertThat(messages(world).stream().noneMatch(m -> m.get("text").asString().startsWith("/desintox"))).isTrue();
        }
        // The hub is down; the bot keeps trying. It comes back on the same port and data.
        try (ConfigurableApplicationContext hub = start(port)) {
            World world = World.on(port);
            String alice = world.api.token("alice", World.PASSWORD);
            Api.Response posted = world.api.post("/api/v1/channels/fed-29/messages", alice, Map.of("text", "Pendant la coupure", "clientMessageId", "c-2"));
            assertThat(posted.status()).isEqualTo(201);
            long seq = posted.json().get("seq").asLong();
            Api.Response invoked = world.api.post("/api/v1/channels/fed-29/commands", alice,
                    Map.of("text", "/desintox la fin des élections", "clientCommandId", "k-2"));
            assertThat(invoked.status()).isEqualTo(202);
            String invocationId = invoked.json().get("id").asString();

            await().atMost(Duration.ofSeconds(60)).until(bot::connected);
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream().anyMatch(e -> e.seq() == seq));
            assertThat(seen.stream().filter(e -> e.seq() == seq).count()).isEqualTo(1);
            assertThat(seen.stream().map(ChannelEvent::seq).distinct().count()).isEqualTo(seen.size());
            await().atMost(Duration.ofSeconds(20)).until(() -> world.api.get("/api/v1/commands/invocations/" + invocationId, alice)
                    .json().get("status").asString().equals("ANSWERED"));
            JsonNode reply = awaitMessage(world, "la fin des élections");
            assertThat(reply.get("clientMessageId").asString()).isEqualTo("cmd-" + invocationId);
        } finally {
            bot.close();
        }
    }

    private static JsonNode awaitMessage(World world, String containing) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> messages(world).stream()
                .filter(m -> m.get("text").asString().contains(containing)).findFirst().orElse(null), m -> m != null);
    }

    private static List<JsonNode> messages(World world) {
        JsonNode page = world.api.get("/api/v1/channels/fed-29/messages?limit=200", world.api.token("alice", World.PASSWORD)).json();
        List<JsonNode> result = new java.util.ArrayList<>();
        page.forEach(result::add);
        return result;
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(RelaisApplication.class).run(
                "--server.port=" + port,
                "--relais.mongo.data-dir=" + dataDir,
                "--relais.security.admin-password=" + World.ADMIN_PASSWORD,
                "--relais.security.rate-limits.login-attempts-per-minute=100000");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
