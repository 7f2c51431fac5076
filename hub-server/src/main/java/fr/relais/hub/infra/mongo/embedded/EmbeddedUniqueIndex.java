package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in its own map of the store file: index key → the document's {@code _id}.
 *
 * <p>mongo-java-server only uses an index for an exact match on all its keys. This one also answers
 * queries with an equality on its first key and, optionally, a range on its second — the shape of
 * every history and catch-up query ({@code channelId = X and seq > N}, sorted by seq) — by walking
 * its sorted map over that range. Without it each such page read every message of every channel.
 * The positions found are candidates: the collection still applies the whole query to each document,
 * then sorts and limits. (A document whose first indexed field holds an array would be missed by
 * such a range; none of the hub's compound unique indexes starts with an array field.)
 */
final class EmbeddedUniqueIndex extends AbstractUniqueIndex<Object> {
    private static final ValueComparator ORDER = ValueComparator.asc();

    private final MVMap<Object, Object> map;

    EmbeddedUniqueIndex(MVMap<Object, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (super.canHandle(query)) return true;
        Document flat = flatten(query);
        return flat != null && (super.canHandle(flat) || prefixRange(flat) != null);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        if (super.canHandle(query)) return super.getPositions(query);
        Document flat = flatten(query);
        if (super.canHandle(flat)) return super.getPositions(flat);
        return positions(prefixRange(flat));
    }

    /**
     * The candidate positions of a query in the order of this index's second key, when the query has
     * an equality on the first key (and at most a range on the second) and is sorted by the second;
     * null otherwise.
     */
    synchronized List<Object> positionsSortedBy(Document query, String sortField) {
        List<String> keys = keys();
        if (keys.size() < 2 || !keys.get(1).equals(sortField)) return null;
        Document flat = flatten(query);
        PrefixRange range = flat == null ? null : prefixRange(flat);
        return range == null ? null : positions(range);
    }

    private List<Object> positions(PrefixRange range) {
        List<Object> positions = new ArrayList<>();
        Cursor<Object, Object> cursor = map.cursor(range.from());
        while (cursor.hasNext()) {
            KeyValue key = (KeyValue) cursor.next();
            if (!range.contains(key)) break;
            positions.add(cursor.getValue());
        }
        return positions;
    }

    /**
     * The driver sends {@code and(eq(a), gt(b))} as {@code {$and: [{a: ...}, {b: {$gt: ...}}]}}; as one
     * document of conditions, or null when two clauses constrain a field in ways that do not merge.
     */
    private static Document flatten(Document query) {
        Document flat = new Document();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document part)) return null;
                    Document inner = flatten(part);
                    if (inner == null) return null;
                    for (Map.Entry<String, Object> condition : inner.entrySet()) {
                        if (!merge(flat, condition.getKey(), condition.getValue())) return null;
                    }
                }
            } else if (!merge(flat, entry.getKey(), entry.getValue())) {
                return null;
            }
        }
        return flat;
    }

    private static boolean merge(Document flat, String field, Object condition) {
        Object existing = flat.get(field);
        if (existing == null && !flat.containsKey(field)) {
            flat.put(field, condition);
            return true;
        }
        if (existing instanceof Document a && condition instanceof Document b
                && a.keySet().stream().allMatch(k -> k.startsWith("$")) && b.keySet().stream().allMatch(k -> k.startsWith("$"))
                && a.keySet().stream().noneMatch(b::containsKey)) {
            Document both = new Document(a);
            both.putAll(b);
            flat.put(field, both);
            return true;
        }
        return false;
    }

    /** An equality on the first key, and a range (or nothing) on the second; null for any other query. */
    private PrefixRange prefixRange(Document query) {
        List<String> keys = keys();
        if (keys.size() < 2 || isSparse()) return null;
        Object first = query.get(keys.get(0));
        if (!(first instanceof String || first instanceof ObjectId || first instanceof Boolean)) return null;
        Object second = query.get(keys.get(1));
        Object lower = null;
        Object upper = null;
        if (second instanceof Document conditions) {
            for (Map.Entry<String, Object> condition : conditions.entrySet()) {
                if (!(condition.getValue() instanceof Number bound)) return null;
                switch (condition.getKey()) {
                    case "$gt", "$gte" -> lower = normalise(bound);
                    case "$lt", "$lte" -> upper = normalise(bound);
                    default -> {
                        return null;
                    }
                }
            }
        }
        return new PrefixRange(first, lower, upper);
    }

    /** As mongo-java-server stores numbers in index keys: as doubles, unless a long would lose precision. */
    private static Object normalise(Number number) {
        if (number instanceof Long value && (long) (double) value != value) return value;
        double value = number.doubleValue();
        return value == -0.0 ? 0.0 : value;
    }

    /** Keys {@code (first, second...)} with {@code lower ≤ second ≤ upper} (bounds inclusive: the query filters exactly). */
    private record PrefixRange(Object first, Object lower, Object upper) {
        KeyValue from() {
            return lower == null ? new KeyValue(first) : new KeyValue(first, lower);
        }

        boolean contains(KeyValue key) {
            if (!Objects.equals(key.get(0), first)) return false;
            return upper == null || key.size() < 2 || ORDER.compare(key.get(1), upper) <= 0;
        }
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return (Iterable) map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
