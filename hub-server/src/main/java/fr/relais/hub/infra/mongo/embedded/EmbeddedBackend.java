package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import java.nio.file.Path;
import java.util.Optional;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend for the MongoDB-wire server: an H2 MVStore file (or memory), one map
 * per collection and per unique index, documents as BSON. On a file, changes go to a {@link Journal}
 * first; {@link #commit()} is the durability barrier, and the B-tree file is written at checkpoints.
 */
public final class EmbeddedBackend extends AbstractMongoBackend {
    /** How often the B-tree file is brought up to date with the journal. */
    static final long CHECKPOINT_EVERY_MILLIS = 1_000;
    /** A checkpoint also starts once this much journal has been written since the last one. */
    static final long CHECKPOINT_BYTES = 64L << 20;
    /**
     * MVStore's own commits are off (see {@link Journal}): no background delay worth the name, and an
     * unsaved-memory threshold that the checkpoints keep it far below.
     */
    private static final int NO_AUTO_COMMIT_DELAY = Integer.MAX_VALUE;
    private static final int UNSAVED_MEMORY_KB = 256 * 1024;

    private final MVStore store;
    private final Journal journal;

    private EmbeddedBackend(MVStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
        store.getMapNames().stream()
                .filter(name -> name.startsWith(EmbeddedDatabase.DATA_PREFIX))
                .map(name -> Utils.firstFragment(name.substring(EmbeddedDatabase.DATA_PREFIX.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    /** A store file; created if absent. The journal files beside it, if any, are replayed first. */
    public static EmbeddedBackend onDisk(String file) {
        MVStore store = new MVStore.Builder().fileName(file)
                .autoCommitBufferSize(UNSAVED_MEMORY_KB)
                .autoCompactFillRate(0) // compaction commits whatever state the maps are in: only at close
                .open();
        store.setAutoCommitDelay(NO_AUTO_COMMIT_DELAY); // keeps the background serialisation threads
        return new EmbeddedBackend(store, Journal.open(store, Path.of(file), CHECKPOINT_EVERY_MILLIS, CHECKPOINT_BYTES));
    }

    /** Figures of the journal and the file, for metrics; none for a store in memory. */
    public Optional<EmbeddedStoreStats> stats() {
        if (journal == null) return Optional.empty();
        Journal.Checkpoints c = journal.checkpointed();
        return Optional.of(new EmbeddedStoreStats(c.count(), c.lastHeldMicros(), c.lastMillis(),
                journal.chunksFillRate(), store.getFileStore().size()));
    }

    public static EmbeddedBackend inMemory() {
        return new EmbeddedBackend(MVStore.open(null), null);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new EmbeddedDatabase(databaseName, store, journal, getCursorRegistry());
    }

    /** Makes every change so far survive a crash of the process: appended to the journal file. */
    public void commit() {
        if (journal != null) journal.flush();
    }

    @Override
    public void close() {
        super.close();
        if (journal != null) journal.close();
        else store.close();
    }
}
