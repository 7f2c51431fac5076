package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import fr.relais.sdk.stomp.StompErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Revoking a session or token, deactivating a user or excluding them from a channel takes effect on
 * sockets already open, within a second; and no credential is ever stored in clear.
 */
@HubIntegrationTest
class RevocationTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void revoking_a_session_closes_its_live_connection_within_a_second_and_its_token_stops_working() {
        Personas.Person erwan = Personas.create(world, "erwan", "29", "MEMBER");
        JsonNode login = api.post("/api/v1/auth/token", null, Map.of("username", erwan.username(), "password", World.PASSWORD)).json();
        String phoneToken = login.get("accessToken").asString();
        String phoneSession = login.get("sessionId").asString();

        try (LiveClient phone = LiveClient.connect(api.ws(), phoneToken).subscribeChannel("fed-29");
             LiveClient laptop = LiveClient.connect(api.ws(), erwan.token()).subscribeChannel("fed-29")) {
            List<JsonNode> sessions = list(api.get("/api/v1/me/sessions", erwan.token()).json());
            assertThat(sessions).extracting(s -> s.get("id").asString()).contains(phoneSession);
            assertThat(sessions).filteredOn(s -> s.get("current").asBoolean()).hasSize(1);

            assertThat(api.delete("/api/v1/me/sessions/" + phoneSession, erwan.token()).status()).isEqualTo(204);

            await().atMost(AT_ONCE).until(() -> !phone.stomp.isOpen());
            assertThat(phone.stomp.errors()).anySatisfy(e -> assertThat(e.header("code")).isEqualTo("session_revoked"));
            assertThat(api.get("/api/v1/me", phoneToken).status()).isEqualTo(401);
            assertThatThrownBy(() -> LiveClient.connect(api.ws(), phoneToken)).isInstanceOf(StompErrorException.class);
            // The other session is untouched.
            assertThat(laptop.stomp.isOpen()).isTrue();
            assertThat(api.get("/api/v1/me", erwan.token()).status()).isEqualTo(200);
        }
    }

    @Test
    void a_personal_access_token_is_shown_once_works_on_rest_and_stomp_and_dies_when_revoked() {
        Personas.Person script = Personas.create(world, "script", "29", "MEMBER");
        Api.Response created = api.post("/api/v1/me/tokens", script.token(), Map.of("name", "relais-cron", "expiresInDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String pat = created.json().get("token").asString();
        String patId = created.json().get("id").asString();
        assertThat(pat).startsWith("rlspat_");

        List<JsonNode> listed = list(api.get("/api/v1/me/tokens", script.token()).json());
        assertThat(listed).extracting(t -> t.get("name").asString()).containsExactly("relais-cron");
        assertThat(listed.get(0).has("token")).as("the token is shown once only").isFalse();
        assertThat(api.get("/api/v1/me", pat).json().get("username").asString()).isEqualTo(script.username());
        assertThat(api.post("/api/v1/channels/fed-29/messages", pat, Map.of("text", "posté par script")).status()).isEqualTo(201);

        try (LiveClient live = LiveClient.connect(api.ws(), pat).subscribeChannel("fed-29")) {
            assertThat(api.delete("/api/v1/me/tokens/" + patId, script.token()).status()).isEqualTo(204);
            await().atMost(AT_ONCE).until(() -> !live.stomp.isOpen());
            assertThat(live.stomp.errors()).anySatisfy(e -> assertThat(e.header("code")).isEqualTo("session_revoked"));
        }
        assertThat(api.get("/api/v1/me", pat).status()).isEqualTo(401);
        assertThat(list(api.get("/api/v1/me/tokens", script.token()).json())).isEmpty();
    }

    @Test
    void deactivating_a_user_closes_all_their_connections_within_a_second() {
        Personas.Person gael = Personas.create(world, "gael", "29", "MEMBER");
        String second = api.token(gael.username(), World.PASSWORD);
        try (LiveClient one = LiveClient.connect(api.ws(), gael.token()).subscribeChannel("fed-29");
             LiveClient two = LiveClient.connect(api.ws(), second).subscribeChannel("riposte-numerique");
             LiveClient bystander = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            assertThat(api.post("/api/v1/users/" + gael.id() + "/deactivate", world.token("admin"), Map.of()).status()).isEqualTo(200);

            await().atMost(AT_ONCE).until(() -> !one.stomp.isOpen() && !two.stomp.isOpen());
            assertThat(bystander.stomp.isOpen()).isTrue();
        }
        assertThat(api.get("/api/v1/me", gael.token()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", gael.username(), "password", World.PASSWORD)).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/users/" + gael.id() + "/deactivate", world.token("alice"), Map.of()).status())
                .as("only national admins deactivate").isEqualTo(403);
    }

    @Test
    void excluding_a_member_drops_their_subscription_at_once_and_nothing_of_the_channel_reaches_them() {
        Personas.Person troll = Personas.create(world, "troll", "29", "MEMBER");
        try (LiveClient excluded = LiveClient.connect(api.ws(), troll.token()).subscribeChannel("fed-29").subscribeChannel("riposte-numerique");
             LiveClient observer = LiveClient.connect(api.ws(), world.token("hq-bob")).subscribeChannel("fed-29")) {
            Api.Response exclusion = api.post("/api/v1/channels/fed-29/exclusions", world.token("alice"),
                    Map.of("userId", troll.id(), "reason", "Manquements répétés à la charte"));
            assertThat(exclusion.status()).isEqualTo(201);

            JsonNode notice = await().atMost(AT_ONCE).until(() -> excluded.errors().stream()
                    .filter(e -> "excluded".equals(e.path("code").asString())).findFirst().orElse(null), e -> e != null);
            assertThat(notice.get("destination").asString()).isEqualTo("/topic/channels.fed-29");
            assertThat(excluded.stomp.isOpen()).as("the connection stays for the other channels").isTrue();

            String after = UUID.randomUUID().toString();
            api.post("/api/v1/channels/fed-29/messages", world.token("alice"), Map.of("text", "après l'exclusion", "clientMessageId", after));
            String national = UUID.randomUUID().toString();
            api.post("/api/v1/channels/riposte-numerique/messages", world.token("alice"), Map.of("text", "national", "clientMessageId", national));
            observer.awaitChannelEvent("fed-29", e -> after.equals(e.path("clientMessageId").asString()));
            excluded.awaitChannelEvent("riposte-numerique", e -> national.equals(e.path("clientMessageId").asString()));
            assertThat(excluded.channelEvents("fed-29")).noneSatisfy(e -> assertThat(e.path("clientMessageId").asString()).isEqualTo(after));
        }
        assertThat(api.get("/api/v1/channels/fed-29/messages", troll.token()).status()).isEqualTo(404);
        try (LiveClient again = LiveClient.connect(api.ws(), troll.token())) {
            assertThatThrownBy(() -> again.subscribeChannel("fed-29")).isInstanceOf(AssertionError.class);
            assertThat(again.stomp.errors()).anySatisfy(e -> assertThat(e.header("code")).isEqualTo("channel_not_found"));
        }
        List<JsonNode> audit = list(api.get("/api/v1/audit?type=channel.member_excluded&userId=" + troll.id(), world.token("admin")).json());
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.get("actorId").asString()).isEqualTo(world.id("alice"));
            assertThat(e.get("details").get("channel").asString()).isEqualTo("fed-29");
        });
    }

    @Test
    void a_coordinator_excludes_only_in_their_own_federation() {
        Personas.Person parisian = Personas.create(world, "parisien", "75", "MEMBER");
        assertThat(api.post("/api/v1/channels/fed-75/exclusions", world.token("alice"), Map.of("userId", parisian.id())).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/channels/fed-29/exclusions", world.token("bruno"), Map.of("userId", parisian.id())).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/channels/fed-75/exclusions", world.token("admin"), Map.of("userId", parisian.id())).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/channels/fed-75/messages", parisian.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/channels/fed-75/exclusions/" + parisian.id(), world.token("admin")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/channels/fed-75/messages", parisian.token()).status()).isEqualTo(200);
    }

    @Test
    void passwords_tokens_and_links_are_never_stored_in_clear() {
        Personas.Person owner = Personas.create(world, "secretkeeper", "29", "MEMBER");
        String pat = api.post("/api/v1/me/tokens", owner.token(), Map.of("name", "n")).json().get("token").asString();
        String invitation = api.post("/api/v1/invitations", world.token("alice"), Map.of("roles", List.of("MEMBER")))
                .json().get("token").asString();
        String reset = api.post("/api/v1/users/" + owner.id() + "/password-reset", world.token("admin"), Map.of())
                .json().get("token").asString();

        List<String> everything = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document d : database.getCollection(collection).find()) everything.add(d.toJson());
        }
        assertThat(everything).noneMatch(doc -> doc.contains(World.PASSWORD) || doc.contains(pat)
                || doc.contains(invitation) || doc.contains(reset) || doc.contains(owner.token()));
        Document user = database.getCollection("users").find(new Document("_id", owner.id())).first();
        assertThat(user.getString("passwordHash")).startsWith("{bcrypt}$2a$12$");
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
