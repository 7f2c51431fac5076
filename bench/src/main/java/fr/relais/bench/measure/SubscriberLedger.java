package fr.relais.bench.measure;

import java.util.BitSet;

/**
 * What one subscriber connection has received: which bench messages (to spot duplicates) and
 * the last channel seq (to spot deliveries that go backwards, including a seq seen twice).
 *
 * <p>Callbacks of one connection arrive one at a time, but not always on the same thread, and
 * the final read happens on the main thread: the lock is uncontended and only buys visibility.
 */
final class SubscriberLedger {

    enum Check { IN_ORDER, SEQ_REGRESSION, DUPLICATE }

    private final BitSet receivedNumbers = new BitSet();
    private long lastSeq = Long.MIN_VALUE;

    synchronized Check record(long messageNumber, long seq) {
        int index = Math.toIntExact(messageNumber);
        if (receivedNumbers.get(index)) {
            return Check.DUPLICATE;
        }
        receivedNumbers.set(index);
        boolean regression = seq <= lastSeq;
        lastSeq = Math.max(lastSeq, seq);
        return regression ? Check.SEQ_REGRESSION : Check.IN_ORDER;
    }
}
