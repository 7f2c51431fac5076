package fr.relais.hub.bots;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates bot accounts through the admin API, as a national admin would. */
public final class Bots {
    private Bots() {
    }

    /** @return the creation response: {@code tokenId}, {@code token} (shown once) and {@code bot} */
    public static JsonNode create(World world, String prefix, List<String> channels, boolean allFederations, String... capabilities) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", prefix + "-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("displayName", "Bot " + prefix);
        body.put("channelIds", channels);
        body.put("allFederationChannels", allFederations);
        body.put("capabilities", List.of(capabilities));
        Api.Response r = world.api.post("/api/v1/bots", world.token("admin"), body);
        if (r.status() != 201) throw new AssertionError("bot not created: " + r);
        return r.json();
    }
}
