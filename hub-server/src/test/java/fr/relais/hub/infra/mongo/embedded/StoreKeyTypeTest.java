package fr.relais.hub.infra.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** The store's key order is MongoDB's, fast paths included, and keys read back as written. */
class StoreKeyTypeTest {
    static final List<Object> VALUES = List.of(Double.NaN, Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 1.0, 42.0, 42.5,
            Double.POSITIVE_INFINITY, 7L, 42L, Long.MAX_VALUE, 3, "", "fed-29", "fed-3", "é", new ObjectId(), new ObjectId(), true);

    @Test
    void single_values_compare_as_mongodb_orders_them() {
        ValueComparator mongo = ValueComparator.asc();
        for (Object a : VALUES) {
            for (Object b : VALUES) {
                int expected = Integer.signum(mongo.compare(a, b));
                int actual = Integer.signum(StoreKeyType.INSTANCE.compare(a, b));
                if (expected != 0) assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
                else if (a.getClass() == b.getClass()) assertThat(actual).as("%s vs %s", a, b).isZero();
                else assertThat(actual).as("%s vs %s: distinct keys", a, b).isNotZero();
            }
        }
    }

    @Test
    void compound_keys_compare_element_by_element_and_survive_a_round_trip() {
        KeyValue low = new KeyValue("fed-29", 41.0);
        KeyValue high = new KeyValue("fed-29", 42.0);
        KeyValue otherChannel = new KeyValue("fed-30", 1.0);
        assertThat(StoreKeyType.INSTANCE.compare(low, high)).isNegative();
        assertThat(StoreKeyType.INSTANCE.compare(high, otherChannel)).isNegative();
        assertThat(StoreKeyType.INSTANCE.compare(high, new KeyValue("fed-29", 42.0))).isZero();
        for (Object key : List.of(low, "m-1", 42.0, 42L)) {
            WriteBuffer out = new WriteBuffer();
            StoreKeyType.INSTANCE.write(out, key);
            ByteBuffer in = out.getBuffer().flip();
            Object read = StoreKeyType.INSTANCE.read(in);
            assertThat(StoreKeyType.INSTANCE.compare(read, key)).isZero();
            assertThat(read).isEqualTo(key);
        }
    }
}
