package fr.relais.bench.hub;

import fr.relais.bench.load.ChannelPlan;
import fr.relais.bench.options.BenchOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bearer tokens for the publishers (the admin, who may post in every channel) and for the
 * subscriber connections, or none at all for a server without authentication.
 *
 * <p>Subscribers share a handful of member accounts per federation: the hub's cost is per
 * connection, and each account costs a bcrypt hash (~0.1 s) to create and to log in. A
 * federation channel ({@code fed-01}) is read by members of that federation; any other channel
 * by members of {@code --federation}.
 */
public final class BenchAccounts {

    private final String publisherToken;
    private final Map<String, List<String>> tokensByFederation;
    private final String fallbackFederation;

    private BenchAccounts(String publisherToken, Map<String, List<String>> tokensByFederation, String fallbackFederation) {
        this.publisherToken = publisherToken;
        this.tokensByFederation = tokensByFederation;
        this.fallbackFederation = fallbackFederation;
    }

    /** No tokens: connections go without an Authorization header. */
    public static BenchAccounts none() {
        return new BenchAccounts(null, Map.of(), "");
    }

    public static BenchAccounts prepare(HubRestClient hub, BenchOptions options, ChannelPlan plan) {
        if (!options.auth()) {
            return none();
        }
        String adminToken = hub.accessToken(options.adminUsername(), options.adminPassword());
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        if (options.subscriberAccounts() == 0) {
            return new BenchAccounts(adminToken, tokens, options.federation());
        }
        List<String> federations = new ArrayList<>();
        federations.add(options.federation());
        plan.channels().forEach(channel -> federations.add(federationOf(channel, options.federation())));
        for (String federation : federations.stream().distinct().toList()) {
            List<String> forFederation = new ArrayList<>();
            for (int i = 1; i <= options.subscriberAccounts(); i++) {
                String username = "bench-sub-" + federation.toLowerCase(Locale.ROOT) + "-" + i;
                hub.ensureMember(adminToken, username, options.subscriberPassword(), federation);
                forFederation.add(hub.accessToken(username, options.subscriberPassword()));
            }
            tokens.put(federation, List.copyOf(forFederation));
        }
        return new BenchAccounts(adminToken, tokens, options.federation());
    }

    /** {@code fed-2a} is read by federation {@code 2A}; other channels by the fallback federation. */
    static String federationOf(String channelId, String fallback) {
        return channelId.startsWith("fed-") ? channelId.substring(4).toUpperCase(Locale.ROOT) : fallback;
    }

    /** CONNECT headers of a publisher. */
    public Map<String, String> publisherHeaders() {
        return bearer(publisherToken);
    }

    /** CONNECT headers of subscriber {@code index}, spread evenly over its channel's accounts. */
    public Map<String, String> subscriberHeaders(String channelId, int index) {
        if (publisherToken == null) {
            return Map.of();
        }
        List<String> tokens = tokensByFederation.get(federationOf(channelId, fallbackFederation));
        return bearer(tokens == null ? publisherToken : tokens.get(index % tokens.size()));
    }

    /** The admin's token for REST reads (verification), or {@code null} without authentication. */
    public String adminToken() {
        return publisherToken;
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }
}
