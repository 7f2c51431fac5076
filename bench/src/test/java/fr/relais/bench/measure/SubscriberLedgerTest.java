package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberLedgerTest {

    @Test
    void tellsDuplicatesAndSeqRegressionsApart() {
        SubscriberLedger ledger = new SubscriberLedger();

        assertThat(ledger.record(0, 10)).isEqualTo(SubscriberLedger.Check.IN_ORDER);
        assertThat(ledger.record(2, 12)).isEqualTo(SubscriberLedger.Check.IN_ORDER);
        assertThat(ledger.record(1, 11)).isEqualTo(SubscriberLedger.Check.SEQ_REGRESSION);
        assertThat(ledger.record(2, 12)).isEqualTo(SubscriberLedger.Check.DUPLICATE);
        assertThat(ledger.record(3, 12)).isEqualTo(SubscriberLedger.Check.SEQ_REGRESSION);
    }
}
