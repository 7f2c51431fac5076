package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import fr.relais.sdk.stomp.StompErrorException;
import fr.relais.sdk.stomp.StompFrame;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Two people of the Finistère federation chat over real STOMP; others cannot listen in. */
@HubIntegrationTest
class ChannelMessagingTest {
    @LocalServerPort
    int port;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void two_members_of_a_federation_exchange_messages_live() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29");
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "Réunion des secrétaires de section jeudi 18h", cid);

            JsonNode seen = bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(seen.get("type").asString()).isEqualTo("message.created");
            assertThat(seen.get("text").asString()).isEqualTo("Réunion des secrétaires de section jeudi 18h");
            assertThat(seen.get("author").get("username").asString()).isEqualTo("alice");
            assertThat(seen.get("channelId").asString()).isEqualTo("fed-29");
            assertThat(seen.get("seq").asLong()).isPositive();
            assertThat(seen.get("id").asString()).isNotBlank();
            assertThat(seen.get("createdAt").asString()).isNotBlank();

            String reply = UUID.randomUUID().toString();
            bruno.sendAndAwaitReceipt("fed-29", "J'y serai", reply);
            JsonNode answer = alice.awaitChannelEvent("fed-29", e -> reply.equals(e.path("clientMessageId").asString()));
            assertThat(answer.get("seq").asLong()).isGreaterThan(seen.get("seq").asLong());
        }
    }

    @Test
    void messages_sent_quickly_on_one_connection_are_stored_in_the_order_they_were_sent() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"))) {
            String prefix = "ordre-" + UUID.randomUUID() + "-";
            java.util.List<java.util.concurrent.CompletableFuture<StompFrame>> receipts = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String body = Api.JSON.writeValueAsString(Map.of("text", "n° " + i, "clientMessageId", prefix + i));
                receipts.add(alice.stomp.sendWithReceipt("/app/channels.fed-29.send", body));
            }
            receipts.forEach(LiveClient::join);
            List<String> stored = listOf(api.get("/api/v1/channels/fed-29/messages?limit=200", world.token("alice")).json()).stream()
                    .map(m -> m.get("clientMessageId").asString()).filter(c -> c.startsWith(prefix)).toList();
            assertThat(stored).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void the_receipt_comes_only_once_the_message_is_stored() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"))) {
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "stocké avant l'accusé de réception", cid);
            // Right after the receipt, any node reading MongoDB finds the message.
            List<JsonNode> page = listOf(api.get("/api/v1/channels/fed-29/messages?limit=200", world.token("bruno")).json());
            assertThat(page).anySatisfy(m -> assertThat(m.get("clientMessageId").asString()).isEqualTo(cid));
        }
    }

    @Test
    void resending_the_same_client_message_id_never_duplicates() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29")) {
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "une seule fois", cid);
            alice.sendAndAwaitReceipt("fed-29", "une seule fois", cid); // e.g. resent after a reconnect
            Api.Response viaRest = api.post("/api/v1/channels/fed-29/messages", world.token("alice"),
                    Map.of("text", "une seule fois", "clientMessageId", cid));
            assertThat(viaRest.status()).isEqualTo(201);

            List<JsonNode> stored = listOf(api.get("/api/v1/channels/fed-29/messages?limit=200", world.token("alice")).json())
                    .stream().filter(m -> cid.equals(m.get("clientMessageId").asString())).toList();
            assertThat(stored).hasSize(1);
            assertThat(viaRest.json().get("id").asString()).isEqualTo(stored.get(0).get("id").asString());
            alice.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(alice.channelEvents("fed-29").stream()
                    .filter(e -> cid.equals(e.path("clientMessageId").asString()))).hasSize(1);
        }
    }

    @Test
    void a_member_of_another_federation_cannot_subscribe_and_receives_nothing() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"));
             LiveClient chloe = LiveClient.connect(api.ws(), world.token("chloe"))) {
            chloe.stomp.subscribe("/topic/channels.fed-29", frame -> {
                throw new AssertionError("chloé (Paris) received a Finistère event: " + frame.body());
            });
            Integer closeCode = LiveClient.join(chloe.stomp.closed());
            assertThat(chloe.stomp.errors()).singleElement().satisfies(error -> {
                assertThat(error.header("code")).isEqualTo("channel_not_found");
                assertThat(error.body()).doesNotContain("Exception").doesNotContain("at fr.relais");
            });
            assertThat(closeCode).isNotNull();
            alice.sendAndAwaitReceipt("fed-29", "réservé au Finistère", UUID.randomUUID().toString());
        }
    }

    @Test
    void the_refusal_arrives_even_while_other_frames_are_being_written_to_the_same_socket() {
        for (int attempt = 0; attempt < 15; attempt++) {
            fr.relais.sdk.stomp.StompClient chloe = fr.relais.sdk.stomp.StompClient.connectBlocking(api.ws(), world.token("chloe"));
            for (int i = 0; i < 5; i++) chloe.subscribeWithReceipt("/topic/channels.fed-75", f -> { });
            chloe.subscribe("/topic/channels.fed-29", f -> { });
            LiveClient.join(chloe.closed());
            assertThat(chloe.errors()).as("attempt %d", attempt).singleElement()
                    .satisfies(error -> assertThat(error.header("code")).isEqualTo("channel_not_found"));
        }
    }

    @Test
    void hq_staff_read_and_post_in_every_federation_channel() {
        try (LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob")).subscribeChannel("fed-75");
             LiveClient chloe = LiveClient.connect(api.ws(), world.token("chloe")).subscribeChannel("fed-75")) {
            String cid = UUID.randomUUID().toString();
            bob.sendAndAwaitReceipt("fed-75", "Le siège vous répond", cid);
            chloe.awaitChannelEvent("fed-75", e -> cid.equals(e.path("clientMessageId").asString()));
        }
    }

    @Test
    void members_read_the_announcement_channel_but_cannot_post_there() {
        try (LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("annonces")) {
            String cid = UUID.randomUUID().toString();
            bruno.stomp.sendWithReceipt("/app/channels.annonces.send", "{\"text\":\"coucou\",\"clientMessageId\":\"" + cid + "\"}");
            JsonNode error = bruno.awaitError(e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(error.get("code").asString()).isEqualTo("forbidden");
            assertThat(error.get("receiptId").asString()).isNotBlank();
            assertThat(bruno.stomp.isOpen()).isTrue();
        }
        try (LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("annonces");
             LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob"))) {
            String cid = UUID.randomUUID().toString();
            bob.sendAndAwaitReceipt("annonces", "Conseil national samedi", cid);
            bruno.awaitChannelEvent("annonces", e -> cid.equals(e.path("clientMessageId").asString()));
        }
    }

    @Test
    void edits_reactions_pins_and_deletes_reach_subscribers_as_numbered_events() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29");
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "Tractage samedi au marché", cid);
            JsonNode created = bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            String id = created.get("id").asString();

            assertThat(api.patch("/api/v1/messages/" + id, world.token("alice"), Map.of("text", "Tractage dimanche au marché")).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/messages/" + id + "/reactions/" + Api.q("👍"), world.token("bruno"), Map.of()).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/messages/" + id + "/pin", world.token("bruno"), Map.of()).status()).isEqualTo(200);
            assertThat(api.patch("/api/v1/messages/" + id, world.token("bruno"), Map.of("text", "pas mon message")).status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/messages/" + id, world.token("alice")).status()).isEqualTo(200);

            JsonNode deleted = bruno.awaitChannelEvent("fed-29", e -> e.get("type").asString().equals("message.deleted") && id.equals(e.get("id").asString()));
            List<JsonNode> about = bruno.channelEvents("fed-29").stream().filter(e -> id.equals(e.path("id").asString())).toList();
            assertThat(about).extracting(e -> e.get("type").asString())
                    .containsExactly("message.created", "message.updated", "reaction.changed", "message.updated", "message.deleted");
            assertThat(about).extracting(e -> e.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
            assertThat(about.get(1).get("text").asString()).isEqualTo("Tractage dimanche au marché");
            assertThat(about.get(1).get("editedAt").asString()).isNotBlank();
            assertThat(about.get(2).get("reactions").get("👍").get(0).asString()).isEqualTo(world.id("bruno"));
            assertThat(about.get(3).get("pinned").asBoolean()).isTrue();
            assertThat(deleted.get("deleted").asBoolean()).isTrue();
            assertThat(deleted.path("text").asString()).isEmpty();
            assertThat(deleted.get("messageSeq").asLong()).isEqualTo(created.get("seq").asLong());
        }
    }

    @Test
    void a_thread_reply_is_numbered_in_the_channel_and_counted_on_its_parent() {
        String token = world.token("alice");
        JsonNode parent = api.post("/api/v1/channels/fed-29/messages", token, Map.of("text", "Qui vient au conseil fédéral ?")).json();
        try (LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            String cid = UUID.randomUUID().toString();
            String body = Api.JSON.writeValueAsString(Map.of("text", "Moi !", "clientMessageId", cid, "threadId", parent.get("id").asString()));
            LiveClient.join(bruno.stomp.sendWithReceipt("/app/channels.fed-29.send", body));
            JsonNode reply = bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(reply.get("threadId").asString()).isEqualTo(parent.get("id").asString());
        }
        List<JsonNode> thread = listOf(api.get("/api/v1/messages/" + parent.get("id").asString() + "/thread", token).json());
        assertThat(thread).hasSize(2);
        assertThat(thread.get(0).get("replyCount").asInt()).isEqualTo(1);
        assertThat(thread.get(1).get("text").asString()).isEqualTo("Moi !");
        List<JsonNode> topLevel = listOf(api.get("/api/v1/channels/fed-29/messages?limit=200", token).json());
        assertThat(topLevel).noneSatisfy(m -> assertThat(m.get("text").asString()).isEqualTo("Moi !"));
    }

    @Test
    void a_connect_without_a_valid_token_is_refused_with_an_error_frame() {
        assertThatThrownBy(() -> StompClient_connect(api, "not-a-token"))
                .isInstanceOfSatisfying(StompErrorException.class, e -> {
                    assertThat(e.errorFrame()).isNotNull();
                    assertThat(e.errorFrame().header("code")).isEqualTo("unauthenticated");
                });
    }

    @Test
    void mentions_notify_the_mentioned_person_on_their_personal_queue() {
        try (LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno"));
             LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"))) {
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "@bruno peux-tu relayer le visuel ?", cid);
            JsonNode mention = bruno.awaitEvent("/user/queue/events", e -> e.get("type").asString().equals("mention")
                    && e.get("excerpt").asString().contains("relayer le visuel"));
            assertThat(mention.get("channelId").asString()).isEqualTo("fed-29");
            assertThat(mention.get("author").get("username").asString()).isEqualTo("alice");
        }
    }

    private static void StompClient_connect(Api api, String token) {
        fr.relais.sdk.stomp.StompClient.connectBlocking(api.ws(), token).close();
    }

    static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

}
