package fr.relais.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredReconciliationTest {

    @Test
    void everyAcknowledgedMessageStoredOnceIsAClean() {
        StoredReconciliation r = StoredReconciliation.of("fed-29", Set.of("a", "b"), Set.of(), List.of("a", "b"));

        assertThat(r.storedOnce()).isEqualTo(2);
        assertThat(r.acknowledgedMissing()).isZero();
        assertThat(r.storedTwice()).isZero();
    }

    @Test
    void countsMissingDuplicatedRefusedAndUnacknowledgedSeparately() {
        StoredReconciliation r = StoredReconciliation.of("fed-29",
                Set.of("acked-once", "acked-missing", "acked-twice"),
                Set.of("refused-stored", "refused-dropped"),
                List.of("acked-once", "acked-twice", "acked-twice", "refused-stored", "timed-out-but-stored"));

        assertThat(r.acknowledged()).isEqualTo(3);
        assertThat(r.storedOnce()).isEqualTo(1);
        assertThat(r.acknowledgedMissing()).isEqualTo(1);
        assertThat(r.storedTwice()).isEqualTo(1);
        assertThat(r.refusedButStored()).isEqualTo(1);
        assertThat(r.storedUnacknowledged()).isEqualTo(2);
    }

    @Test
    void theLedgerKeepsChannelsApart() {
        AckLedger ledger = new AckLedger();
        ledger.acknowledged("fed-01", "x");
        ledger.refused("fed-02", "y");

        assertThat(ledger.acknowledged("fed-01")).containsExactly("x");
        assertThat(ledger.acknowledged("fed-02")).isEmpty();
        assertThat(ledger.refused("fed-02")).containsExactly("y");
    }
}
