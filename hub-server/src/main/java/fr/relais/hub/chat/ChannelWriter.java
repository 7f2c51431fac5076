package fr.relais.hub.chat;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.mongo.StorageDurability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one batch of writes, of any number of channels, together (group commit): one look-up of the
 * messages being changed, one seq reservation per channel, one bulk insert, one durability barrier.
 * Within a channel, seqs follow arrival order and events are published in seq order, so subscribers
 * of the channel see events in seq order.
 *
 * <p>Nothing is acknowledged before it is durable: futures complete after the store and the
 * durability barrier, and fail with {@code store_unavailable} if either fails (then no event is
 * published, and the client may resend with the same clientMessageId). Completing the futures and
 * publishing the events run on the completions executor, one batch after the other, while this
 * thread stores the next batch.
 */
final class ChannelWriter {
    private static final Logger log = LoggerFactory.getLogger(ChannelWriter.class);

    /** What the writer needs. */
    record Ports(MessageStore messages, ChannelEventStore events, SeqAllocator seqs, StorageDurability durability,
                 ChannelEventPublisher publisher, WriterMetrics metrics, PostPreparation preparation,
                 Executor completions) {
    }

    /** A write and the channel it belongs to, in arrival order. */
    /** A write waiting for the writer, and when it started waiting ({@link System#nanoTime()}). */
    record Queued(String channelId, PendingWrite write, long queuedAt) {
    }

    private final Ports ports;

    ChannelWriter(Ports ports) {
        this.ports = ports;
    }

    void commit(List<Queued> batch) {
        long started = System.nanoTime();
        try {
            Map<String, Plan> plans = plan(batch);
            store(plans.values());
            ports.metrics().committed(batch.size(), System.nanoTime() - started);
            // Receipts and fan-out on their own thread (one, so batches stay in order): the writer stores
            // the next batch meanwhile. Both used to wait for each other on this thread.
            ports.completions().execute(() -> completeAndPublish(plans.values()));
        } catch (RuntimeException e) {
            log.error("Could not store a batch of {} writes", batch.size(), e);
            ports.metrics().storeFailed();
            RelaisException failure = new RelaisException(ErrorCode.STORE_UNAVAILABLE,
                    "The message could not be stored; nothing was kept, send it again");
            batch.forEach(q -> q.write().result().completeExceptionally(failure));
        }
    }

    /** The batch is stored: answer its writers, then publish each channel's events (a failure stays in its channel). */
    private void completeAndPublish(java.util.Collection<Plan> plans) {
        for (Plan plan : plans) plan.completeAll();
        for (Plan plan : plans) {
            if (plan.events.isEmpty()) continue;
            try {
                ports.publisher().publish(plan.events);
            } catch (RuntimeException e) {
                log.error("Stored events of {} could not be published; subscribers catch up from the store", plan.channelId, e);
            }
        }
    }

    /** Works out the new state of every write, then numbers each channel's effective writes in arrival order. */
    private Map<String, Plan> plan(List<Queued> batch) {
        Map<String, Message> current = new HashMap<>(ports.messages().findByIds(batch.stream()
                .filter(q -> q.write() instanceof PendingWrite.Change)
                .map(q -> ((PendingWrite.Change) q.write()).messageId()).toList()));
        Map<PendingWrite.Post, Object> prepared = ports.preparation().prepare(batch.stream()
                .filter(q -> q.write() instanceof PendingWrite.Post).map(q -> (PendingWrite.Post) q.write()).toList());
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, PendingWrite.Post> postsByKey = new HashMap<>();
        for (Queued q : batch) {
            Plan plan = plans.computeIfAbsent(q.channelId(), Plan::new);
            switch (q.write()) {
                case PendingWrite.Post p -> {
                    if (prepared.get(p) instanceof RelaisException refused) {
                        p.result().completeExceptionally(refused);
                        continue;
                    }
                    String key = p.draft().author().id() + "\u0000" + p.draft().clientMessageId();
                    PendingWrite.Post first = postsByKey.putIfAbsent(key, p);
                    if (first != null) plan.sameAs.put(p, first); // resent within the batch
                    else plan.effective.add(new Effective(p, (Message) prepared.get(p)));
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
                        plan.effective.add(new Effective(c, after));
                    }
                }
            }
        }
        for (Plan plan : plans.values()) plan.number(ports.seqs());
        return plans;
    }

    private void store(java.util.Collection<Plan> plans) {
        List<Message> newMessages = new ArrayList<>();
        List<Plan> newMessagePlans = new ArrayList<>();
        List<PendingWrite.Post> newMessagePosts = new ArrayList<>();
        List<Message> changed = new ArrayList<>();
        List<ChannelEvent> changeEvents = new ArrayList<>();
        Map<String, Integer> replies = new HashMap<>();
        Map<String, Long> lastSeqs = new LinkedHashMap<>();
        for (Plan plan : plans) {
            for (int i = 0; i < plan.posts.size(); i++) {
                newMessages.add(plan.newMessages.get(i));
                newMessagePlans.add(plan);
                newMessagePosts.add(plan.posts.get(i));
            }
            changed.addAll(plan.changedMessages);
            changeEvents.addAll(plan.changeEvents);
            plan.replies.forEach((parent, n) -> replies.merge(parent, n, Integer::sum));
            if (plan.lastSeq > 0) lastSeqs.put(plan.channelId, plan.lastSeq);
        }
        if (newMessages.isEmpty() && changed.isEmpty()) return;
        if (!newMessages.isEmpty()) {
            Set<Integer> duplicates = ports.messages().insertNew(newMessages);
            for (int i : duplicates) {
                PendingWrite.Post p = newMessagePosts.get(i);
                Message existing = ports.messages()
                        .findByClientMessageId(p.draft().author().id(), p.draft().clientMessageId()).orElseThrow();
                newMessagePlans.get(i).results.put(p, existing);
                newMessagePlans.get(i).eventsByWrite.remove(p);
            }
        }
        if (!changed.isEmpty()) ports.messages().replace(changed);
        if (!changeEvents.isEmpty()) ports.events().append(changeEvents);
        if (!replies.isEmpty()) ports.messages().incrementReplyCounts(replies);
        ports.seqs().used(lastSeqs);
        ports.durability().makeDurable();
        for (Plan plan : plans) {
            plan.events.addAll(plan.eventsByWrite.values().stream().sorted(Comparator.comparingLong(ChannelEvent::seq)).toList());
        }
    }

    /** A write that changes something, with the state it leads to. */
    private record Effective(PendingWrite write, Message state) {
    }

    /** The outcome of one batch for one channel. */
    private static final class Plan {
        final String channelId;
        final List<Effective> effective = new ArrayList<>();
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
        long lastSeq;

        Plan(String channelId) {
            this.channelId = channelId;
        }

        /** Gives each effective write the channel's next seq, in arrival order. */
        void number(SeqAllocator seqs) {
            if (effective.isEmpty()) return;
            lastSeq = seqs.reserve(channelId, effective.size());
            long seq = lastSeq - effective.size();
            Map<String, Message> latestChange = new LinkedHashMap<>();
            for (Effective e : effective) {
                seq++;
                if (e.write() instanceof PendingWrite.Post p) {
                    Message stored = e.state().withSeq(seq);
                    posts.add(p);
                    newMessages.add(stored);
                    results.put(p, stored);
                    eventsByWrite.put(p, new ChannelEvent(ChannelEventType.MESSAGE_CREATED, channelId, seq, stored));
                    if (stored.threadId() != null) replies.merge(stored.threadId(), 1, Integer::sum);
                } else {
                    PendingWrite.Change c = (PendingWrite.Change) e.write();
                    latestChange.put(e.state().id(), e.state());
                    results.put(c, e.state());
                    ChannelEvent event = new ChannelEvent(c.type(), channelId, seq, e.state());
                    changeEvents.add(event);
                    eventsByWrite.put(c, event);
                }
            }
            changedMessages.addAll(latestChange.values());
        }

        void completeAll() {
            results.forEach((w, m) -> w.result().complete(m));
            // The first may belong to another channel's plan: follow its future rather than a map.
            sameAs.forEach((w, first) -> first.result().whenComplete((m, failure) -> {
                if (failure != null) w.result().completeExceptionally(failure);
                else w.result().complete(m);
            }));
            unchanged.forEach((w, m) -> w.result().complete(m));
        }
    }
}
