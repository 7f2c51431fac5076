package fr.relais.hub.infra.mongo;

import fr.relais.hub.infra.mongo.embedded.EmbeddedStoreStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The embedded store's checkpoints and file on {@code /actuator/prometheus}: whether checkpoints keep
 * up, how long they hold writers, and how much of the file is live data.
 */
final class EmbeddedStoreMetrics implements MeterBinder {
    private final EmbeddedMongoServer server;

    EmbeddedStoreMetrics(EmbeddedMongoServer server) {
        this.server = server;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (server.stats().isEmpty()) return; // in memory: no file, no journal
        FunctionCounter.builder("relais.store.checkpoints", server, s -> stat(s, EmbeddedStoreStats::checkpoints))
                .description("Checkpoints of the embedded store's file").register(registry);
        gauge(registry, "relais.store.checkpoint.held", "seconds", "How long the last checkpoint held writers",
                st -> st.lastHeldMicros() / 1e6);
        gauge(registry, "relais.store.checkpoint.duration", "seconds", "How long the last checkpoint took until on disk",
                st -> st.lastMillis() / 1e3);
        gauge(registry, "relais.store.file.fill", "percent", "Share of live data in the store file's chunks",
                EmbeddedStoreStats::chunksFillRate);
        gauge(registry, "relais.store.file.size", "bytes", "Size of the store file", EmbeddedStoreStats::fileBytes);
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<EmbeddedStoreStats> value) {
        Gauge.builder(name, server, s -> stat(s, value)).baseUnit(unit).description(description).register(registry);
    }

    private static double stat(EmbeddedMongoServer server, ToDoubleFunction<EmbeddedStoreStats> value) {
        return server.stats().map(value::applyAsDouble).orElse(Double.NaN);
    }
}
