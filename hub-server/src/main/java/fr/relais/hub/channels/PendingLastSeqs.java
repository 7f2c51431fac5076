package fr.relais.hub.channels;

import java.util.Map;

/**
 * Seqs a channel's writer has used but not yet written to the channel document: with the embedded
 * store the writer keeps them in memory and writes them back lazily (see {@code chat.store.MongoSeqAllocator}).
 * Readers of {@code lastSeq} take the larger of the two.
 */
public interface PendingLastSeqs {
    /** Channel id → last seq used, for channels whose document is behind; usually empty or small. */
    Map<String, Long> pending();
}
