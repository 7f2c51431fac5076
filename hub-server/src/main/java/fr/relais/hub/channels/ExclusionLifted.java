package fr.relais.hub.channels;

/**
 * An exclusion was lifted. Every node keeps the exclusions in memory, so the node where it happened
 * publishes this ({@code onAnotherNode} false), the cluster layer forwards it to the other nodes, and
 * there it is published again with {@code onAnotherNode} true for {@link ChannelExclusions} to re-read
 * the store (and not to be forwarded once more).
 */
public record ExclusionLifted(String channelId, String userId, boolean onAnotherNode) {
}
