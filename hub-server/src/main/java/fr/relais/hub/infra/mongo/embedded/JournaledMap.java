package fr.relais.hub.infra.mongo.embedded;

import java.util.Map;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * A map of the embedded store whose every change also goes to the {@link Journal}: the state of the
 * entry after the change, appended under the journal's lock together with the change itself. Every
 * write of {@link MVMap} ({@code put}, {@code remove}, {@code putIfAbsent}, {@code replace}...) goes
 * through {@link #operate}; {@link #clear()} is the one that does not.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {
    private final Journal journal;
    private final MapKind kind;

    private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, Journal journal,
                         MapKind kind) {
        super(config, keyType, valueType);
        this.journal = journal;
        this.kind = kind;
    }

    MapKind kind() {
        return kind;
    }

    @Override
    public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
        // The entry's state afterwards: known for a plain put or remove, read back otherwise (putIfAbsent...).
        Supplier<V> stateAfter = decisionMaker == DecisionMaker.PUT ? () -> value
                : decisionMaker == DecisionMaker.REMOVE ? () -> null : () -> get(key);
        return journal.change(this, key, () -> super.operate(key, value, decisionMaker), stateAfter);
    }

    @Override
    public void clear() {
        journal.clear(this, super::clear);
    }

    /** Builds journaled maps for {@link org.h2.mvstore.MVStore#openMap(String, MVMap.MapBuilder)}. */
    static final class Builder<K, V> extends MVMap.BasicBuilder<JournaledMap<K, V>, K, V> {
        private final Journal journal;
        private final MapKind kind;

        Builder(Journal journal, MapKind kind, DataType<? super K> keyType, DataType<? super V> valueType) {
            this.journal = journal;
            this.kind = kind;
            if (keyType != null) setKeyType(keyType);
            if (valueType != null) setValueType(valueType);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected JournaledMap<K, V> create(Map<String, Object> config) {
            config.put("singleWriter", false);
            return new JournaledMap<>(config, (DataType<K>) getKeyType(), (DataType<V>) getValueType(), journal, kind);
        }
    }
}
