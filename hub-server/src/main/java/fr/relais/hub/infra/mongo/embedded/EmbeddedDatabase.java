package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database of the embedded store: like the stock H2 backend's, with each collection and index
 * in its own MVStore map, but with typed maps (BSON documents, directly compared keys).
 */
final class EmbeddedDatabase extends AbstractSynchronizedMongoDatabase<Object> {
    static final String DATA_PREFIX = "data.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;
    private final Journal journal;

    /** @param journal where changes go before the B-tree file, or null (a store in memory) */
    EmbeddedDatabase(String name, MVStore store, Journal journal, CursorRegistry cursors) {
        super(name, cursors);
        this.store = store;
        this.journal = journal;
        initializeNamespacesAndIndexes();
    }

    private MVMap<Object, Document> dataMap(String name) {
        return MapKind.DATA.open(store, name, journal);
    }

    private MVMap<Object, Object> indexMap(String name) {
        return MapKind.INDEX.open(store, name, journal);
    }

    private MVMap<String, Object> metaMap(String fullCollectionName) {
        return MapKind.META.open(store, META_PREFIX + fullCollectionName, journal);
    }

    /** Removing or renaming maps is not journaled: done under a synchronous checkpoint instead (rare). */
    private void structural(Runnable change) {
        if (journal == null) change.run();
        else journal.checkpointNow(change);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new EmbeddedCollection(this, collectionName, options, dataMap(DATA_PREFIX + fullName), metaMap(fullName), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new EmbeddedUniqueIndex(indexMap(indexMapName(collectionName, indexName)), indexName, keys, sparse);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        structural(() -> store.removeMap(indexMapName(collection.getCollectionName(), indexName)));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        structural(() -> {
            store.removeMap(DATA_PREFIX + fullName);
            store.removeMap(META_PREFIX + fullName);
        });
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        structural(() -> {
            for (String map : List.copyOf(store.getMapNames())) {
                if (map.startsWith(databaseName + ".") || map.startsWith(DATA_PREFIX + databaseName + ".")
                        || map.startsWith(META_PREFIX + databaseName + ".")) {
                    store.removeMap(map);
                }
            }
        });
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        structural(() -> {
            store.renameMap(dataMap(DATA_PREFIX + oldName), DATA_PREFIX + newName);
            store.renameMap(metaMap(oldName), META_PREFIX + newName);
        });
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file != null ? file.size() : 0;
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
