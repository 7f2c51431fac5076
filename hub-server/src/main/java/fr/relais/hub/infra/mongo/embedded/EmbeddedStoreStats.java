package fr.relais.hub.infra.mongo.embedded;

/**
 * What the embedded store's file and journal look like now.
 *
 * @param checkpoints        checkpoints written since start
 * @param lastHeldMicros     how long the last checkpoint held writers (flush, new journal file, capture)
 * @param lastMillis         how long the last checkpoint took until its version was on disk
 * @param chunksFillRate     share of live data in the file's chunks, in percent
 * @param fileBytes          size of the store file
 */
public record EmbeddedStoreStats(long checkpoints, long lastHeldMicros, long lastMillis,
                                 int chunksFillRate, long fileBytes) {
}
