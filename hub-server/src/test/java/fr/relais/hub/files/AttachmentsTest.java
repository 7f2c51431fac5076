package fr.relais.hub.files;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Attachments: alice sends a picture to the Finistère channel; bruno (same federation) sees and downloads
 * it, chloé (Paris) cannot; uploads of the wrong type or size are refused with problem JSON.
 * Runs its own hub because it lowers the image size limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relais.mongo.embedded-in-memory=true",
        "relais.security.admin-password=" + World.ADMIN_PASSWORD,
        "relais.files.max-image-bytes=4096",
})
class AttachmentsTest {
    static final byte[] PNG = png(1200);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
    void a_picture_sent_to_a_channel_reaches_its_readers_only() throws Exception {
        JsonNode file = json(upload("alice", "affiche.png", "image/png", PNG), 201);
        String fileId = file.get("id").asString();
        assertThat(file.get("contentType").asString()).isEqualTo("image/png");
        assertThat(file.get("size").asLong()).isEqualTo(PNG.length);

        // Before it is sent, only its uploader sees it.
        assertThat(api.get("/api/v1/files/" + fileId, world.token("bruno")).status()).isEqualTo(404);

        try (LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            String cid = UUID.randomUUID().toString();
            Api.Response posted = api.post("/api/v1/channels/fed-29/messages", world.token("alice"),
                    Map.of("text", "", "clientMessageId", cid, "attachmentIds", List.of(fileId)));
            assertThat(posted.status()).isEqualTo(201);
            JsonNode event = bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            JsonNode attachment = event.get("attachments").get(0);
            assertThat(attachment.get("id").asString()).isEqualTo(fileId);
            assertThat(attachment.get("name").asString()).isEqualTo("affiche.png");
            assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
            assertThat(attachment.get("size").asLong()).isEqualTo(PNG.length);
            JsonNode history = api.get("/api/v1/channels/fed-29/messages?limit=5", world.token("bruno")).json();
            assertThat(history.get(history.size() - 1).get("attachments").get(0).get("id").asString()).isEqualTo(fileId);
        }

        JsonNode described = api.get("/api/v1/files/" + fileId, world.token("bruno")).json();
        HttpResponse<byte[]> signed = download(described.get("url").asString(), null);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(signed.body()).isEqualTo(PNG);
        assertThat(download("/api/v1/files/" + fileId + "/content", world.token("bruno")).body()).isEqualTo(PNG);

        // Another federation's member: not found, by REST or with a tampered link.
        assertThat(api.get("/api/v1/files/" + fileId, world.token("chloe")).status()).isEqualTo(404);
        assertThat(download("/api/v1/files/" + fileId + "/content", world.token("chloe")).statusCode()).isEqualTo(404);
        String tampered = described.get("url").asString().replaceAll("sig=[^&]+", "sig=AAAA");
        assertThat(download(tampered, null).statusCode()).isEqualTo(404);
        assertThat(download("/files/" + fileId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void only_the_uploader_can_send_a_file_and_only_to_one_channel() throws Exception {
        String fileId = json(upload("alice", "tract.png", "image/png", PNG), 201).get("id").asString();
        Api.Response byBruno = api.post("/api/v1/channels/fed-29/messages", world.token("bruno"),
                Map.of("text", "pas à moi", "attachmentIds", List.of(fileId)));
        assertThat(byBruno.status()).isEqualTo(400);
        assertThat(byBruno.json().get("code").asString()).isEqualTo("validation_failed");

        assertThat(api.post("/api/v1/channels/fed-29/messages", world.token("alice"),
                Map.of("text", "le tract", "attachmentIds", List.of(fileId))).status()).isEqualTo(201);
        Api.Response elsewhere = api.post("/api/v1/channels/visuels/messages", world.token("alice"),
                Map.of("text", "ailleurs", "attachmentIds", List.of(fileId)));
        assertThat(elsewhere.status()).isEqualTo(400);
    }

    @Test
    void wrong_types_and_sizes_are_refused_with_problem_json() throws Exception {
        HttpResponse<String> html = upload("alice", "page.png", "image/png", "<script>alert(1)</script>".getBytes());
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.JSON.readTree(html.body()).get("code").asString()).isEqualTo("validation_failed");

        HttpResponse<String> svg = upload("alice", "logo.svg", "image/svg+xml", "<svg/>".getBytes());
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(svg.body()).contains("PNG, JPEG");

        HttpResponse<String> big = upload("alice", "grande.png", "image/png", png(5000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(Api.JSON.readTree(big.body()).get("code").asString()).isEqualTo("frame_too_large");

        HttpResponse<String> pdf = upload("alice", "../../etc/compte-rendu.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
        assertThat(pdf.statusCode()).isEqualTo(201);
        assertThat(Api.JSON.readTree(pdf.body()).get("name").asString()).isEqualTo("compte-rendu.pdf");
    }

    private HttpResponse<String> upload(String user, String name, String type, byte[] bytes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/files?name=" + Api.q(name)))
                .header("Authorization", "Bearer " + world.token(user)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return Api.JSON.readTree(response.body());
    }

    /** PNG signature followed by filler: enough for the type check, not a decodable picture. */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
