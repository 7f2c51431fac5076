package fr.relais.hub.chat;

import fr.relais.hub.infra.mongo.StorageDurability;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Owns one {@link ChannelWriter} per channel and the threads that commit their batches. */
@Component
class ChannelWriters implements DisposableBean {
    private final Map<String, ChannelWriter> writers = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final ChannelWriter.Ports ports;

    ChannelWriters(MessageStore messages, ChannelEventStore events, SeqAllocator seqs, StorageDurability durability,
                   ChannelEventPublisher publisher, ChatLimits limits, MeterRegistry registry,
                   PostPreparation preparation) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(limits.writerThreads(), r -> {
            Thread t = new Thread(r, "channel-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ports = new ChannelWriter.Ports(messages, events, seqs, durability, publisher, executor, limits,
                new WriterMetrics(registry), preparation);
        Gauge.builder("relais.store.pending", this, w -> w.writers.values().stream().mapToInt(ChannelWriter::pending).sum())
                .description("Writes waiting to be stored").register(registry);
    }

    CompletableFuture<Message> submit(String channelId, PendingWrite write) {
        return writers.computeIfAbsent(channelId, id -> new ChannelWriter(id, ports)).submit(write);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS); // let batches in flight finish storing
    }
}
