/**
 * Full-text search over messages, limited to the channels the caller can read. MongoDB's {@code $text}
 * is not available on the embedded store, so messages are indexed in Lucene (French analyser) behind
 * {@link fr.relais.hub.search.MessageSearchIndex}; the index is derived data, rebuilt from MongoDB
 * when empty, and fed by committed channel events.
 */
package fr.relais.hub.search;
