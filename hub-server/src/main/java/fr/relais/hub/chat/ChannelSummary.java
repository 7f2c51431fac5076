package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;

/** A channel as its reader sees it in the sidebar: with the last seq, their read marker and counts. */
public record ChannelSummary(Channel channel, long lastSeq, long lastReadSeq, int unreadCount, int mentionCount) {
}
