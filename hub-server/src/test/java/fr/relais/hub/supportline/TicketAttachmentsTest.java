package fr.relais.hub.supportline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Files sent with a ticket or a reply can be downloaded by whoever may see the ticket, and nobody else. */
@HubIntegrationTest
class TicketAttachmentsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void staff_download_what_a_coordinator_attached_and_other_federations_do_not() throws Exception {
        World world = World.on(port);
        Api api = world.api;
        String screenshot = upload(world.token("alice"), "capture.png");
        Api.Response opened = api.post("/api/v1/support/tickets", world.token("alice"), Map.of("subject", "Compte bloqué",
                "description", "Voir la capture", "category", "tools-and-accounts", "urgency", "normal",
                "attachmentIds", List.of(screenshot)));
        assertThat(opened.status()).isEqualTo(201);
        String ticketId = opened.json().get("id").asString();

        assertThat(download(world.token("hq-bob"), screenshot)).isEqualTo(200);
        assertThat(download(world.token("chloe"), screenshot)).isEqualTo(404);

        String answer = upload(world.token("hq-bob"), "procedure.png");
        Api.Response replied = api.post("/api/v1/support/tickets/" + ticketId + "/replies", world.token("hq-bob"),
                Map.of("text", "Voici la procédure", "attachmentIds", List.of(answer)));
        assertThat(replied.status()).isBetween(200, 201);
        assertThat(download(world.token("alice"), answer)).isEqualTo(200);
        assertThat(download(world.token("chloe"), answer)).isEqualTo(404);
    }

    private String upload(String token, String name) throws Exception {
        byte[] png = new byte[600];
        Arrays.fill(png, (byte) 7);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/files?name=" + name))
                .header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.JSON.readTree(r.body()).get("id").asString();
    }

    private int download(String token, String fileId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/files/" + fileId + "/content"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
