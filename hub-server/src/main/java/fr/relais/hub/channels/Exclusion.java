package fr.relais.hub.channels;

import java.time.Instant;

/** A person excluded from a channel under the charter: they may no longer read it, even as a member of its federation. */
public record Exclusion(String channelId, String userId, String excludedBy, String reason, Instant at) {
}
