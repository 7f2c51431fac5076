package fr.relais.hub.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Store-side figures: writes committed, batch latency, overload refusals, store failures. */
final class WriterMetrics {
    private final Counter committed;
    private final Counter overloaded;
    private final Counter failed;
    private final Timer batchLatency;

    WriterMetrics(MeterRegistry registry) {
        committed = Counter.builder("relais.store.writes").description("Channel writes committed").register(registry);
        overloaded = Counter.builder("relais.store.rejected").tag("reason", "overloaded").register(registry);
        failed = Counter.builder("relais.store.failures").description("Batches that could not be stored").register(registry);
        batchLatency = Timer.builder("relais.store.batch.latency").publishPercentileHistogram().register(registry);
    }

    void committed(int writes, long nanos) {
        committed.increment(writes);
        batchLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejectedOverload() {
        overloaded.increment();
    }

    void storeFailed() {
        failed.increment();
    }
}
