package fr.relais.hub.supportline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The support line's share of the test world, on top of {@link World}: a second HQ staff member
 * ({@code hq-carla}) and the coordinator of Paris ({@code david}), plus helpers that drive the REST API.
 */
final class SupportDesk {
    final World world;
    final Api api;

    SupportDesk(World world) {
        this.world = world;
        this.api = world.api;
        ensureUser("hq-carla", "Carla (siège)", null, "HQ_STAFF");
        ensureUser("david", "David Roux", "75", "FEDERATION_COORDINATOR");
    }

    private void ensureUser(String username, String displayName, String federation, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", displayName,
                "password", World.PASSWORD, "roles", List.of(role)));
        if (federation != null) body.put("federation", federation);
        Api.Response r = api.post("/api/v1/users", world.token("admin"), body);
        assertThat(r.status()).as("create %s: %s", username, r).isIn(201, 409);
    }

    String token(String username) {
        return world.token(username);
    }

    JsonNode open(String username, String subject, String category, String urgency) {
        Api.Response r = api.post("/api/v1/support/tickets", token(username), Map.of("subject", subject,
                "description", "Détails : " + subject, "category", category, "urgency", urgency));
        assertThat(r.status()).as("open ticket: %s", r).isEqualTo(201);
        return r.json();
    }

    JsonNode open(String username, String subject) {
        return open(username, subject, "tools-and-accounts", "normal");
    }

    JsonNode ok(Api.Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 299);
        return r.body() == null || r.body().isEmpty() ? null : r.json();
    }

    void refused(Api.Response r, int status, String code) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
    }

    JsonNode reply(String username, String ticketId, String text) {
        return ok(api.post("/api/v1/support/tickets/" + ticketId + "/replies", token(username), Map.of("text", text)));
    }

    JsonNode get(String username, String ticketId) {
        return ok(api.get("/api/v1/support/tickets/" + ticketId, token(username)));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    static boolean is(JsonNode event, String type, String ticketId) {
        return type.equals(event.path("type").asString()) && ticketId.equals(event.path("ticketId").asString());
    }
}
