package fr.relais.hub.bots;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A bot account: its user (role {@code BOT}, same id), who owns it, where it may read and post (it is an
 * explicit member of exactly these channels) and what else it may do.
 */
public record Bot(String id, String username, String displayName, @Nullable String avatarUrl, String ownerId,
                  Set<String> channelIds, Set<Capability> capabilities, Instant createdAt, String createdBy) {
    public Bot {
        channelIds = Set.copyOf(channelIds);
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }

    public enum Capability {
        /** Diffuses approved relay items, proposes content and acknowledges consignes on behalf of command callers. */
        RELAY
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    public Bot withChannels(Set<String> ids) {
        return new Bot(id, username, displayName, avatarUrl, ownerId, ids, capabilities, createdAt, createdBy);
    }
}
