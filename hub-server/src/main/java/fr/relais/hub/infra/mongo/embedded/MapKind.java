package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The three kinds of map the embedded store keeps, with their key and value types: a collection's
 * documents, a unique index, a collection's metadata. The journal records the kind with each change
 * so that a map can be opened with the right types when the journal is replayed.
 */
enum MapKind {
    /** {@code _id} → document. */
    DATA,
    /** index key → {@code _id}. */
    INDEX,
    /** metadata name → value (the data size, for instance). */
    META;

    /** Opens (or returns the open) map {@code name}: journaled on a file store, plain in memory. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <K, V> MVMap<K, V> open(MVStore store, String name, Journal journal) {
        if (journal == null) {
            MVMap.Builder builder = new MVMap.Builder().keyType(keyType()).valueType(valueType());
            return store.openMap(name, builder);
        }
        return store.openMap(name, new JournaledMap.Builder(journal, this, keyType(), valueType()));
    }

    private org.h2.mvstore.type.DataType<?> keyType() {
        return this == META ? new ObjectDataType() : StoreKeyType.INSTANCE;
    }

    private org.h2.mvstore.type.DataType<?> valueType() {
        return switch (this) {
            case DATA -> BsonDocumentType.INSTANCE;
            case INDEX -> StoreKeyType.INSTANCE;
            case META -> new ObjectDataType();
        };
    }

    static MVMap<Object, Document> data(MVStore store, String name, Journal journal) {
        return DATA.open(store, name, journal);
    }
}
