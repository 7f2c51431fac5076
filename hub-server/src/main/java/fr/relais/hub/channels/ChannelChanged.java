package fr.relais.hub.channels;

/** A channel was created or its members changed on this node (other nodes refresh their cache). */
public record ChannelChanged(String channelId) {
}
