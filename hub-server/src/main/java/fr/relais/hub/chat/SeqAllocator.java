package fr.relais.hub.chat;

import java.util.Map;

/** Hands out a channel's sequence numbers, atomically across nodes. */
public interface SeqAllocator {
    /** Reserves {@code count} consecutive numbers and returns the last one (so the first is {@code last - count + 1}). */
    long reserve(String channelId, int count);

    /**
     * The last seq each channel of a batch now uses, told before the batch's durability barrier:
     * readers of the channel's {@code lastSeq} (channel lists, unread counts) see it from then on.
     */
    default void used(Map<String, Long> lastSeqByChannel) {
    }
}
