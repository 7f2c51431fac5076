package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of the store's maps: a document's {@code _id} (the key of a collection, and the value of a
 * unique index) or a {@link KeyValue} (the key of a unique index). Ordered as MongoDB orders values,
 * compared directly: the stock backend serialised both keys on every comparison of its B-trees.
 */
final class StoreKeyType extends BasicDataType<Object> {
    static final StoreKeyType INSTANCE = new StoreKeyType();

    private static final byte VALUE = 0;
    private static final byte MISSING = 1;
    private static final byte KEY_VALUE = 2;
    private static final byte STRING = 3;
    private static final byte OBJECT_ID = 4;
    private static final byte LONG = 5;
    private static final byte INTEGER = 6;
    private static final ValueComparator ORDER = ValueComparator.asc();

    private StoreKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            int common = Math.min(ka.size(), kb.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(ka.get(i), kb.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(ka.size(), kb.size());
        }
        if (a instanceof KeyValue) return 1;
        if (b instanceof KeyValue) return -1;
        return compareValues(a, b);
    }

    private static int compareValues(Object a, Object b) {
        // The types every key of the hub is made of, compared as MongoDB's order compares them (what the
        // general comparator ends up doing for two values of the same type), without its type dispatch:
        // comparisons are most of the store's work when it inserts.
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof ObjectId x && b instanceof ObjectId y) return x.compareTo(y);
        // Unique indexes hold numbers normalised to doubles (a seq of 42 is the key 42.0). NaN is left to
        // the general order (MongoDB puts it below every number); -0.0 and 0.0 are equal there too.
        if (a instanceof Double x && b instanceof Double y && !x.isNaN() && !y.isNaN()) {
            double dx = x, dy = y;
            return dx < dy ? -1 : dx > dy ? 1 : 0;
        }
        boolean aMissing = a instanceof Missing;
        boolean bMissing = b instanceof Missing;
        if (aMissing || bMissing) return Boolean.compare(!aMissing, !bMissing);
        int c = ORDER.compare(a, b);
        // MongoDB's order calls 1 and 1.0 equal; a map key must still tell them apart to stay a total order
        // consistent with equals, as the stock backend did.
        if (c == 0 && a != null && b != null && a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return c;
    }

    @Override
    public void write(WriteBuffer out, Object key) {
        if (key instanceof Missing) {
            out.put(MISSING);
        } else if (key instanceof KeyValue values) {
            out.put(KEY_VALUE);
            out.putVarInt(values.size());
            for (Object value : values) write(out, value);
        } else if (key instanceof String text) {
            out.put(STRING);
            out.putVarInt(text.length());
            out.putStringData(text, text.length());
        } else if (key instanceof ObjectId id) {
            out.put(OBJECT_ID);
            out.put(id.toByteArray());
        } else if (key instanceof Long number) {
            out.put(LONG);
            out.putVarLong(number);
        } else if (key instanceof Integer number) {
            out.put(INTEGER);
            out.putVarInt(number);
        } else {
            // anything else (dates, nested documents...) as a one-field BSON document
            out.put(VALUE);
            BsonDocumentType.writeDocument(out, new Document("v", key));
        }
    }

    @Override
    public Object read(ByteBuffer in) {
        byte kind = in.get();
        return switch (kind) {
            case MISSING -> Missing.getInstance();
            case KEY_VALUE -> {
                int size = DataUtils.readVarInt(in);
                List<Object> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) values.add(read(in));
                yield new KeyValue(values);
            }
            case STRING -> DataUtils.readString(in, DataUtils.readVarInt(in));
            case OBJECT_ID -> {
                byte[] id = new byte[12];
                in.get(id);
                yield new ObjectId(id);
            }
            case LONG -> DataUtils.readVarLong(in);
            case INTEGER -> DataUtils.readVarInt(in);
            case VALUE -> BsonDocumentType.readDocument(in).get("v");
            default -> throw new IllegalStateException("Unknown key kind " + kind + " in the store file");
        };
    }

    @Override
    public int getMemory(Object key) {
        if (key instanceof KeyValue values) {
            int size = 40;
            for (Object value : values) size += 8 + BsonDocumentType.estimate(value);
            return size;
        }
        return BsonDocumentType.estimate(key);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
