package fr.relais.hub.chat;

/** Hands out a channel's sequence numbers, atomically across nodes. */
public interface SeqAllocator {
    /** Reserves {@code count} consecutive numbers and returns the last one (so the first is {@code last - count + 1}). */
    long reserve(String channelId, int count);
}
