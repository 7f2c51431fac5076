package fr.relais.hub.identity;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Extra people for identity tests, created through the admin API with unique names (the world is shared). */
final class Personas {
    private Personas() {
    }

    record Person(String username, String id, String token) {
    }

    static Person create(World world, String prefix, String federation, String... roles) {
        String username = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", prefix,
                "password", World.PASSWORD, "roles", List.of(roles)));
        if (federation != null) body.put("federation", federation);
        Api.Response r = world.api.post("/api/v1/users", world.token("admin"), body);
        if (r.status() != 201) throw new AssertionError("could not create " + username + ": " + r);
        return new Person(username, r.json().get("id").asString(), world.api.token(username, World.PASSWORD));
    }
}
