package fr.relais.hub.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small seeded world the tests speak about, created through the admin API the first time a hub
 * is used:
 * <ul>
 *   <li>{@code alice}: coordinator of the Finistère federation (29)</li>
 *   <li>{@code bruno}: member in Finistère</li>
 *   <li>{@code chloe}: member in Paris (75)</li>
 *   <li>{@code hq-bob}: HQ staff</li>
 * </ul>
 */
public final class World {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct-horse-battery";

    private static final Map<Integer, World> BY_PORT = new ConcurrentHashMap<>();

    public final Api api;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    private World(Api api) {
        this.api = api;
    }

    /**
     * The world of the hub listening on this port. A port can be reused by a later hub of the same test
     * run (contexts come and go), so a world whose admin token that hub no longer accepts is seeded anew.
     */
    public static synchronized World on(int port) {
        World known = BY_PORT.get(port);
        if (known != null && known.api.get("/api/v1/me", known.token("admin")).status() == 200) return known;
        World fresh = new World(new Api(port)).seed();
        BY_PORT.put(port, fresh);
        return fresh;
    }

    private World seed() {
        String admin = api.token("admin", ADMIN_PASSWORD);
        tokens.put("admin", admin);
        create(admin, "alice", "Alice Le Goff", "29", "FEDERATION_COORDINATOR");
        create(admin, "bruno", "Bruno Kerjean", "29", "MEMBER");
        create(admin, "chloe", "Chloé Martin", "75", "MEMBER");
        create(admin, "hq-bob", "Bob (siège)", null, "HQ_STAFF");
        return this;
    }

    private void create(String adminToken, String username, String displayName, String federation, String role) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", displayName,
                "password", PASSWORD, "roles", List.of(role)));
        if (federation != null) body.put("federation", federation);
        Api.Response r = api.post("/api/v1/users", adminToken, body);
        if (r.status() != 201) throw new AssertionError("could not create " + username + ": " + r);
        ids.put(username, r.json().get("id").asString());
    }

    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> api.token(u, u.equals("admin") ? ADMIN_PASSWORD : PASSWORD));
    }

    public String id(String username) {
        return ids.computeIfAbsent(username, u -> api.get("/api/v1/me", token(u)).json().get("id").asString());
    }
}
