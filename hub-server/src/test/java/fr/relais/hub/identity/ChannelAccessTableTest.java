package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The role × channel kind × action table of ChannelAccess, checked over REST (read, post, react,
 * moderate, admin) and over real STOMP frames (SUBSCRIBE and SEND). Letters: R read, P post, X react,
 * M moderate, A admin; "-" nothing (and the channel does not even exist for them).
 */
@HubIntegrationTest
class ChannelAccessTableTest {
    private static final List<String> CHANNELS = List.of("fed-29", "fed-75", "riposte-numerique", "annonces", "private", "dm");

    /** persona → expected rights in each of CHANNELS, in order. */
    private static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

    static {
        //                      fed-29   fed-75   national  annonces  private  dm
        TABLE.put("admin",      List.of("RPXMA", "RPXMA", "RPXMA", "RPXMA", "-", "-"));
        TABLE.put("hq-bob",     List.of("RPXM", "RPXM", "RPXMA", "RPXMA", "-", "-"));
        TABLE.put("comsec",     List.of("RPX", "RPX", "RPXM", "RPXM", "-", "-"));
        TABLE.put("delegate",   List.of("RPX", "-", "RPX", "RX", "-", "-"));
        TABLE.put("alice",      List.of("RPXMA", "-", "RPX", "RX", "RPXMA", "RPX"));
        TABLE.put("bruno",      List.of("RPX", "-", "RPX", "RX", "RPX", "RPX"));
        TABLE.put("chloe",      List.of("-", "RPX", "RPX", "RX", "-", "-"));
        TABLE.put("sympa",      List.of("-", "-", "-", "-", "RPX", "-"));
        TABLE.put("bot",        List.of("-", "-", "-", "-", "-", "-"));
    }

    private static final Map<World, Fixture> FIXTURES = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;
    World world;
    Api api;
    Fixture fx;

    /** Personas beyond the shared world, the private group and DM, and one message per channel. */
    record Fixture(Map<String, String> tokens, Map<String, String> channelIds, Map<String, String> messageIds) {
    }

    @BeforeEach
    void setUp() {
        world = World.on(port);
        api = world.api;
        fx = FIXTURES.computeIfAbsent(world, w -> build()); // per hub: a port may be reused by a later hub
    }

    private Fixture build() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String name : List.of("admin", "hq-bob", "alice", "bruno", "chloe")) tokens.put(name, world.token(name));
        tokens.put("comsec", Personas.create(world, "comsec", null, "NATIONAL_COMMUNICATION_SECRETARY").token());
        tokens.put("delegate", Personas.create(world, "delegate", "35", "REGIONAL_DELEGATE").token());
        Personas.Person sympa = Personas.create(world, "sympa", "29", "SYMPATHISANT");
        tokens.put("sympa", sympa.token());
        tokens.put("bot", Personas.create(world, "bot", null, "BOT").token());

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("fed-29", "fed-29");
        ids.put("fed-75", "fed-75");
        ids.put("riposte-numerique", "riposte-numerique");
        ids.put("annonces", "annonces");
        Api.Response group = api.post("/api/v1/channels", tokens.get("alice"), Map.of("kind", "PRIVATE",
                "name", "Bureau fédéral " + UUID.randomUUID(), "memberIds", List.of(world.id("bruno"), sympa.id())));
        assertThat(group.status()).isEqualTo(201);
        ids.put("private", group.json().get("id").asString());
        Api.Response dm = api.post("/api/v1/dms", tokens.get("alice"), Map.of("userIds", List.of(world.id("bruno"))));
        assertThat(dm.status()).isEqualTo(200);
        ids.put("dm", dm.json().get("id").asString());

        Map<String, String> messages = new LinkedHashMap<>();
        for (String channel : CHANNELS) {
            String author = channel.equals("private") || channel.equals("dm") ? "alice" : "admin";
            Api.Response posted = api.post("/api/v1/channels/" + ids.get(channel) + "/messages", tokens.get(author),
                    Map.of("text", "seed " + channel));
            assertThat(posted.status()).as("seed message in " + channel).isEqualTo(201);
            messages.put(channel, posted.json().get("id").asString());
        }
        return new Fixture(tokens, ids, messages);
    }

    @Test
    void every_role_gets_exactly_its_rights_over_rest() {
        List<String> mismatches = new ArrayList<>();
        TABLE.forEach((persona, row) -> {
            for (int i = 0; i < CHANNELS.size(); i++) {
                String channel = CHANNELS.get(i);
                String actual = restRights(fx.tokens().get(persona), fx.channelIds().get(channel), fx.messageIds().get(channel));
                if (!actual.equals(row.get(i))) {
                    mismatches.add(persona + " in " + channel + ": expected " + row.get(i) + " but was " + actual);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void every_role_gets_exactly_its_read_and_post_rights_over_stomp() {
        List<String> mismatches = new ArrayList<>();
        TABLE.forEach((persona, row) -> {
            for (int i = 0; i < CHANNELS.size(); i++) {
                String channel = CHANNELS.get(i);
                String expected = row.get(i).replaceAll("[XMA]", "");
                if (expected.isEmpty()) expected = "-";
                String actual = stompRights(fx.tokens().get(persona), fx.channelIds().get(channel));
                if (!actual.equals(expected)) {
                    mismatches.add(persona + " in " + channel + ": expected " + expected + " but was " + actual);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void private_groups_are_invisible_to_non_members_in_lists_search_and_counts() {
        String secret = "motcle" + UUID.randomUUID().toString().replace("-", "");
        String group = fx.channelIds().get("private");
        assertThat(api.post("/api/v1/channels/" + group + "/messages", fx.tokens().get("alice"), Map.of("text", "ordre du jour " + secret)).status())
                .isEqualTo(201);

        for (String outsider : List.of("chloe", "hq-bob", "admin", "delegate", "bot")) {
            List<String> listed = new ArrayList<>();
            api.get("/api/v1/channels", fx.tokens().get(outsider)).json().forEach(c -> listed.add(c.get("id").asString()));
            assertThat(listed).as(outsider + "'s channel list").doesNotContain(group);
            assertThat(api.get("/api/v1/search?q=" + secret, fx.tokens().get(outsider)).json().size()).as(outsider + " searching").isZero();
            assertThat(api.get("/api/v1/search?q=" + secret + "&channelId=" + group, fx.tokens().get(outsider)).status()).isEqualTo(404);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/search?q=" + secret, fx.tokens().get("bruno")).json().size()).isEqualTo(1));
        JsonNode brunoView = find(api.get("/api/v1/channels", fx.tokens().get("bruno")).json(), group);
        assertThat(brunoView).isNotNull();
        assertThat(brunoView.get("unreadCount").asInt()).isPositive();
    }

    private String restRights(String token, String channelId, String messageId) {
        StringBuilder rights = new StringBuilder();
        int read = api.get("/api/v1/channels/" + channelId + "/messages?limit=1", token).status();
        if (read == 200) rights.append('R');
        else assertThat(read).as("refused read is a 404 (invisible)").isEqualTo(404);
        int post = api.post("/api/v1/channels/" + channelId + "/messages", token, Map.of("text", "table check")).status();
        if (post == 201) rights.append('P');
        int react = api.put("/api/v1/messages/" + messageId + "/reactions/" + Api.q("👍"), token, Map.of()).status();
        if (react == 200) rights.append('X');
        int moderate = api.get("/api/v1/channels/" + channelId + "/exclusions", token).status();
        if (moderate == 200) rights.append('M');
        int admin = api.post("/api/v1/channels/" + channelId + "/members", token, Map.of("userIds", List.of())).status();
        if (admin == 200) rights.append('A');
        if (read != 200) {
            assertThat(List.of(post, react, moderate, admin)).as("nothing leaks about an invisible channel").containsOnly(404);
        }
        return rights.isEmpty() ? "-" : rights.toString();
    }

    private String stompRights(String token, String channelId) {
        StringBuilder rights = new StringBuilder();
        try (LiveClient client = LiveClient.connect(api.ws(), token)) {
            String cid = UUID.randomUUID().toString();
            CompletableFuture<?> receipt = client.stomp.sendWithReceipt("/app/channels." + channelId + ".send",
                    Api.JSON.writeValueAsString(Map.of("text", "table check", "clientMessageId", cid)));
            await().atMost(Duration.ofSeconds(10)).until(() -> receipt.isDone()
                    || client.errors().stream().anyMatch(e -> cid.equals(e.path("clientMessageId").asString())));
            boolean posted = receipt.isDone() && !receipt.isCompletedExceptionally();
            try {
                client.stomp.subscribeWithReceipt("/topic/channels." + channelId, f -> { }).get(10, TimeUnit.SECONDS);
                rights.append('R');
            } catch (Exception refused) {
                assertThat(client.stomp.errors()).anySatisfy(e -> assertThat(e.header("code")).isEqualTo("channel_not_found"));
            }
            if (posted) rights.append('P');
        }
        return rights.isEmpty() ? "-" : rights.toString();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) if (id.equals(n.get("id").asString())) return n;
        return null;
    }

}
