package fr.relais.hub.chat;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.mongo.StorageDurability;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one writer of this node: every channel's writes queue here, and one thread takes everything
 * queued (up to {@code max-batch}) and commits it as one batch (see {@link ChannelWriter}). One
 * thread, because the store's cost is per round trip and per durability barrier, not per message:
 * the busier the hub, the larger the batches. Batches start at most every {@code commit-interval} while
 * writes keep coming: committing back to back, the writer made about one barrier per message at
 * 1,000 msg/s (1.3 per batch), and each barrier rewrites whole index pages. A channel with
 * {@code max-pending-per-channel} writes waiting refuses new ones with {@code overloaded}, and so does
 * every channel while live delivery is more than {@code max-fanout-backlog} frames behind.
 */
@Component
class ChannelWriters implements DisposableBean {
    /** Batches stored but not yet answered and published before the writer waits. */
    private static final int COMPLETIONS_BEHIND = 16;
    private final ConcurrentLinkedQueue<ChannelWriter.Queued> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> pendingByChannel = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService executor;
    private final ThreadPoolExecutor completions;
    private final ChannelWriter writer;
    private final ChatLimits limits;
    private final long maxWriteWaitNanos;
    private final WriterMetrics metrics;
    /** Resolved at first write: the fan-out depends on beans that depend on this one. */
    private final Supplier<FanoutPressure> fanout;
    /** When the next batch may start (written and read on the writer thread only). */
    private long nextBatchNanos = System.nanoTime();

    ChannelWriters(MessageStore messages, ChannelEventStore events, SeqAllocator seqs, StorageDurability durability,
                   ChannelEventPublisher publisher, ChatLimits limits, MeterRegistry registry,
                   PostPreparation preparation, ObjectProvider<FanoutPressure> fanout) {
        this.fanout = SingletonSupplier.of(() -> fanout.getIfAvailable(() -> () -> false));
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "channel-writer");
            t.setDaemon(true);
            return t;
        });
        // Bounded: past COMPLETIONS_BEHIND batches waiting for their receipts and fan-out, the writer waits
        // (it never runs them itself, which would put a later batch before earlier ones).
        this.completions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(COMPLETIONS_BEHIND), r -> {
            Thread t = new Thread(r, "channel-completions");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            try {
                if (!pool.isShutdown()) pool.getQueue().put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        this.limits = limits;
        this.maxWriteWaitNanos = limits.maxWriteWait().toNanos();
        this.metrics = new WriterMetrics(registry);
        this.writer = new ChannelWriter(new ChannelWriter.Ports(messages, events, seqs, durability, publisher,
                metrics, preparation, completions));
        Gauge.builder("relais.store.pending", pending, AtomicInteger::get).description("Writes waiting to be stored")
                .register(registry);
    }

    CompletableFuture<Message> submit(String channelId, PendingWrite write) {
        if (fanout.get().saturated()) {
            metrics.rejectedOverload();
            return CompletableFuture.failedFuture(new RelaisException(ErrorCode.OVERLOADED,
                    "Messages are reaching their readers more slowly than they arrive; retry in a moment"));
        }
        long now = System.nanoTime();
        ChannelWriter.Queued oldest = queue.peek();
        if (oldest != null && now - oldest.queuedAt() > maxWriteWaitNanos) {
            // Past this, an accepted message would wait longer for its receipt than a refusal takes to retry.
            metrics.rejectedOverload();
            return CompletableFuture.failedFuture(new RelaisException(ErrorCode.OVERLOADED,
                    "Messages are waiting too long to be stored; retry in a moment"));
        }
        AtomicInteger channelPending = pendingByChannel.computeIfAbsent(channelId, id -> new AtomicInteger());
        if (channelPending.incrementAndGet() > limits.maxPendingPerChannel()) {
            channelPending.decrementAndGet();
            metrics.rejectedOverload();
            return CompletableFuture.failedFuture(new RelaisException(ErrorCode.OVERLOADED,
                    "This channel is receiving more messages than it can store; retry in a moment"));
        }
        pending.incrementAndGet();
        queue.add(new ChannelWriter.Queued(channelId, write, now));
        if (draining.compareAndSet(false, true)) executor.execute(this::drain);
        return write.result();
    }

    private void drain() {
        try {
            pace();
            List<ChannelWriter.Queued> batch = new ArrayList<>();
            for (ChannelWriter.Queued q = queue.poll(); q != null; q = queue.poll()) {
                batch.add(q);
                if (batch.size() == limits.maxBatch()) {
                    commit(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) commit(batch);
        } finally {
            draining.set(false);
            // A write may have arrived after the last poll but before the flag was cleared.
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) executor.execute(this::drain);
        }
    }

    /** Waits until the next batch may start, unless a full batch is already waiting. */
    private void pace() {
        long wait = nextBatchNanos - System.nanoTime();
        if (wait > 0 && pending.get() < limits.maxBatch()) LockSupport.parkNanos(wait);
    }

    private void commit(List<ChannelWriter.Queued> batch) {
        nextBatchNanos = System.nanoTime() + limits.commitInterval().toNanos();
        pending.addAndGet(-batch.size());
        for (ChannelWriter.Queued q : batch) pendingByChannel.get(q.channelId()).decrementAndGet();
        writer.commit(batch);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS); // let the batch in flight finish storing
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS); // and its receipts and events go out
    }
}
