package fr.relais.bench.hub;

import fr.relais.bench.options.BenchOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Bearer tokens for the publishers (the admin, who may post in every channel) and for the
 * subscriber connections.
 *
 * <p>Subscribers share a handful of member accounts: the hub's cost is per connection, and
 * each account costs a bcrypt hash (~0.1 s) to create and to log in.
 */
public record BenchAccounts(String publisherToken, List<String> subscriberTokens) {

    public static BenchAccounts prepare(HubRestClient hub, BenchOptions options) {
        String adminToken = hub.accessToken(options.adminUsername(), options.adminPassword());
        if (options.subscriberAccounts() == 0) {
            return new BenchAccounts(adminToken, List.of(adminToken));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= options.subscriberAccounts(); i++) {
            String username = "bench-sub-" + i;
            hub.ensureMember(adminToken, username, options.subscriberPassword(), options.federation());
            tokens.add(hub.accessToken(username, options.subscriberPassword()));
        }
        return new BenchAccounts(adminToken, List.copyOf(tokens));
    }

    /** Spreads connections evenly over the accounts. */
    public String tokenForSubscriber(int subscriberIndex) {
        return subscriberTokens.get(subscriberIndex % subscriberTokens.size());
    }
}
