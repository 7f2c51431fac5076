package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend for the MongoDB-wire server: an H2 MVStore file (or memory), one map
 * per collection and per unique index, documents as BSON. {@link #commit()} writes what changed.
 */
public final class EmbeddedBackend extends AbstractMongoBackend {
    private final MVStore store;

    private EmbeddedBackend(MVStore store) {
        this.store = store;
        store.getMapNames().stream()
                .filter(name -> name.startsWith(EmbeddedDatabase.DATA_PREFIX))
                .map(name -> Utils.firstFragment(name.substring(EmbeddedDatabase.DATA_PREFIX.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    /** A store file; created if absent. */
    public static EmbeddedBackend onDisk(String file) {
        return new EmbeddedBackend(MVStore.open(file));
    }

    public static EmbeddedBackend inMemory() {
        return new EmbeddedBackend(MVStore.open(null));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new EmbeddedDatabase(databaseName, store, getCursorRegistry());
    }

    /** Writes every change made so far to the file (to the operating system: it survives the process). */
    public void commit() {
        store.commit();
    }

    @Override
    public void close() {
        super.close();
        store.close();
    }
}
