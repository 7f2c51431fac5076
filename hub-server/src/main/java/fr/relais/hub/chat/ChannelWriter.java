package fr.relais.hub.chat;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.mongo.StorageDurability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one channel on this node. Writes queue up while a batch is being stored; the
 * next batch takes them all at once: one seq reservation, one bulk insert, one durability barrier
 * (group commit). Within a batch, seqs follow arrival order and events are published in seq order, so
 * subscribers of the channel see events in seq order.
 *
 * <p>Nothing is acknowledged before it is durable: futures complete after the store and the
 * durability barrier, and fail with {@code store_unavailable} if either fails (then no event is
 * published, and the client may resend with the same clientMessageId).
 */
final class ChannelWriter {
    private static final Logger log = LoggerFactory.getLogger(ChannelWriter.class);

    private final String channelId;
    private final Ports ports;
    private final ConcurrentLinkedQueue<PendingWrite> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** What a writer needs, shared by all writers. */
    record Ports(MessageStore messages, ChannelEventStore events, SeqAllocator seqs, StorageDurability durability,
                 ChannelEventPublisher publisher, Executor executor, ChatLimits limits, WriterMetrics metrics,
                 PostPreparation preparation) {
    }

    ChannelWriter(String channelId, Ports ports) {
        this.channelId = channelId;
        this.ports = ports;
    }

    CompletableFuture<Message> submit(PendingWrite write) {
        if (pending.incrementAndGet() > ports.limits().maxPendingPerChannel()) {
            pending.decrementAndGet();
            ports.metrics().rejectedOverload();
            return CompletableFuture.failedFuture(new RelaisException(ErrorCode.OVERLOADED,
                    "This channel is receiving more messages than it can store; retry in a moment"));
        }
        queue.add(write);
        if (draining.compareAndSet(false, true)) ports.executor().execute(this::drain);
        return write.result();
    }

    int pending() {
        return pending.get();
    }

    private void drain() {
        try {
            List<PendingWrite> batch = new ArrayList<>();
            for (PendingWrite w = queue.poll(); w != null; w = queue.poll()) {
                batch.add(w);
                if (batch.size() == ports.limits().maxBatch()) {
                    commit(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) commit(batch);
        } finally {
            draining.set(false);
            // A write may have arrived after the last poll but before the flag was cleared.
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) ports.executor().execute(this::drain);
        }
    }

    private void commit(List<PendingWrite> batch) {
        long started = System.nanoTime();
        pending.addAndGet(-batch.size());
        try {
            Plan plan = plan(batch);
            if (!plan.isEmpty()) store(plan);
            plan.completeAll();
            if (!plan.events.isEmpty()) ports.publisher().publish(plan.events);
            ports.metrics().committed(batch.size(), System.nanoTime() - started);
        } catch (RuntimeException e) {
            log.error("Could not store {} writes for channel {}", batch.size(), channelId, e);
            ports.metrics().storeFailed();
            RelaisException failure = new RelaisException(ErrorCode.STORE_UNAVAILABLE,
                    "The message could not be stored; nothing was kept, send it again");
            batch.forEach(w -> w.result().completeExceptionally(failure));
        }
    }

    /** Works out the new state of every write of the batch, then numbers the effective ones in arrival order. */
    private Plan plan(List<PendingWrite> batch) {
        Map<String, Message> current = new HashMap<>(ports.messages().findByIds(batch.stream()
                .filter(w -> w instanceof PendingWrite.Change).map(w -> ((PendingWrite.Change) w).messageId()).toList()));
        Map<PendingWrite.Post, Object> prepared = ports.preparation().prepare(batch.stream()
                .filter(w -> w instanceof PendingWrite.Post).map(w -> (PendingWrite.Post) w).toList());
        Plan plan = new Plan();
        List<Object[]> effective = new ArrayList<>(); // {write, newState}
        Map<String, PendingWrite.Post> postsByKey = new HashMap<>();
        for (PendingWrite w : batch) {
            switch (w) {
                case PendingWrite.Post p -> {
                    if (prepared.get(p) instanceof RelaisException refused) {
                        p.result().completeExceptionally(refused);
                        continue;
                    }
                    Message draft = (Message) prepared.get(p);
                    String key = p.draft().author().id() + "\u0000" + p.draft().clientMessageId();
                    PendingWrite.Post first = postsByKey.putIfAbsent(key, p);
                    if (first != null) plan.sameAs.put(p, first); // resent within the batch
                    else effective.add(new Object[] {p, draft});
                }
                case PendingWrite.Change c -> {
                    Message before = current.get(c.messageId());
                    if (before == null) {
                        c.result().completeExceptionally(new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
                        continue;
                    }
                    Message after;
                    try {
                        after = c.change().apply(before);
                    } catch (RelaisException refused) {
                        c.result().completeExceptionally(refused);
                        continue;
                    }
                    if (after == before) plan.unchanged.put(c, before);
                    else {
                        current.put(c.messageId(), after);
                        effective.add(new Object[] {c, after});
                    }
                }
            }
        }
        if (effective.isEmpty()) return plan;
        long seq = ports.seqs().reserve(channelId, effective.size()) - effective.size();
        Map<String, Message> latestChange = new LinkedHashMap<>();
        for (Object[] e : effective) {
            seq++;
            PendingWrite w = (PendingWrite) e[0];
            Message state = (Message) e[1];
            if (w instanceof PendingWrite.Post p) {
                Message stored = state.withSeq(seq);
                plan.posts.add(p);
                plan.newMessages.add(stored);
                plan.results.put(w, stored);
                plan.eventsByWrite.put(w, new ChannelEvent(ChannelEventType.MESSAGE_CREATED, channelId, seq, stored));
                if (stored.threadId() != null) plan.replies.merge(stored.threadId(), 1, Integer::sum);
            } else {
                PendingWrite.Change c = (PendingWrite.Change) w;
                latestChange.put(state.id(), state);
                plan.results.put(w, state);
                ChannelEvent event = new ChannelEvent(c.type(), channelId, seq, state);
                plan.changeEvents.add(event);
                plan.eventsByWrite.put(w, event);
            }
        }
        plan.changedMessages.addAll(latestChange.values());
        return plan;
    }

    private void store(Plan plan) {
        if (!plan.newMessages.isEmpty()) {
            Set<Integer> duplicates = ports.messages().insertNew(plan.newMessages);
            for (int i : duplicates) {
                PendingWrite.Post p = plan.posts.get(i);
                Message existing = ports.messages()
                        .findByClientMessageId(p.draft().author().id(), p.draft().clientMessageId()).orElseThrow();
                plan.results.put(p, existing);
                plan.eventsByWrite.remove(p);
            }
        }
        if (!plan.changedMessages.isEmpty()) ports.messages().replace(plan.changedMessages);
        if (!plan.changeEvents.isEmpty()) ports.events().append(plan.changeEvents);
        if (!plan.replies.isEmpty()) ports.messages().incrementReplyCounts(plan.replies);
        ports.durability().makeDurable();
        plan.events.addAll(plan.eventsByWrite.values().stream()
                .sorted(java.util.Comparator.comparingLong(ChannelEvent::seq)).toList());
    }

    /** The outcome of one batch. */
    private static final class Plan {
        final List<PendingWrite.Post> posts = new ArrayList<>();
        final List<Message> newMessages = new ArrayList<>();
        final List<Message> changedMessages = new ArrayList<>();
        final List<ChannelEvent> changeEvents = new ArrayList<>();
        final Map<String, Integer> replies = new HashMap<>();
        final Map<PendingWrite, Message> results = new HashMap<>();
        final Map<PendingWrite, ChannelEvent> eventsByWrite = new HashMap<>();
        final Map<PendingWrite, PendingWrite.Post> sameAs = new HashMap<>();
        final Map<PendingWrite, Message> unchanged = new HashMap<>();
        final List<ChannelEvent> events = new ArrayList<>();

        boolean isEmpty() {
            return newMessages.isEmpty() && changedMessages.isEmpty();
        }

        void completeAll() {
            results.forEach((w, m) -> w.result().complete(m));
            sameAs.forEach((w, first) -> w.result().complete(results.get(first)));
            unchanged.forEach((w, m) -> w.result().complete(m));
        }
    }
}
