package fr.relais.hub.search;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.realtime.ChannelEventListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with committed events, on its own single thread so that indexing
 * never delays fan-out. Commits the index every {@value #COMMIT_EVERY_SECONDS} s and at shutdown,
 * with the id of the last message indexed; at start-up it indexes from MongoDB whatever came after
 * that id (everything, when the index is new), so a crash loses nothing from search for good.
 * If indexing falls {@value #QUEUE_CAPACITY} messages behind, it stops queueing and, at its next
 * drain, re-reads from MongoDB the messages it could not queue, rather than leave them out of search.
 */
@Component
class SearchIndexer implements ChannelEventListener, SmartInitializingSingleton, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final long COMMIT_EVERY_SECONDS = 5;

    /** Messages the queue holds at most; past that, the indexer re-reads the store (see {@link #fellBehind}). */
    static final int QUEUE_CAPACITY = 100_000;
    /** Ids of changed (edited, deleted) messages remembered while behind; past that, their changes wait for a restart. */
    static final int MAX_DROPPED_CHANGES = 100_000;

    private final LuceneMessageIndex index;
    private final MessageStore messages;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    /** Written and read on the worker thread only. */
    private String lastIndexedId;
    private final LinkedBlockingQueue<Message> queue;
    /**
     * While behind: the id of the first new message that found the queue full, and the ids of the older
     * messages whose changes did; guarded by {@code this}. Nothing is queued meanwhile: the next drain
     * re-reads all of it from the store.
     */
    private String behindFrom;
    private final Set<String> droppedChanges = new HashSet<>();
    private volatile boolean behind;

    @Autowired
    SearchIndexer(LuceneMessageIndex index, MessageStore messages) {
        this(index, messages, QUEUE_CAPACITY);
    }

    SearchIndexer(LuceneMessageIndex index, MessageStore messages, int queueCapacity) {
        this.index = index;
        this.messages = messages;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
    }

    @Override
    public void onEvents(List<ChannelEvent> events) {
        for (ChannelEvent e : events) {
            // The index holds a message's id, channel and text: a reaction changes none of them, and
            // re-indexing on each one made a live session's reaction bursts cost a Lucene update apiece.
            if (e.type() == ChannelEventType.REACTION_CHANGED) continue;
            if (behind || !queue.offer(e.message())) fellBehind(e);
        }
    }

    /** The queue is full, or was: remember where to re-read the store from instead of losing the event. */
    private synchronized void fellBehind(ChannelEvent e) {
        if (!behind && queue.offer(e.message())) return; // the worker caught up meanwhile
        if (!behind) log.warn("Search indexing is {} messages behind; it will re-read the newer ones from the store", queue.size());
        behind = true;
        if (e.type() == ChannelEventType.MESSAGE_CREATED) {
            if (behindFrom == null || e.message().id().compareTo(behindFrom) < 0) behindFrom = e.message().id();
        } else if (droppedChanges.size() < MAX_DROPPED_CHANGES) {
            droppedChanges.add(e.message().id());
        } else {
            log.error("Search indexing is too far behind: the change of message {} will be indexed at the next start", e.message().id());
        }
    }

    /**
     * Indexes everything queued as one batch, each message once in its latest state, then makes it
     * visible with one refresh (every {@value #DRAIN_EVERY_MS} ms). If the queue overflowed, then
     * re-reads from the store what it could not hold.
     */
    void drain() {
        List<Message> queued = new ArrayList<>();
        queue.drainTo(queued);
        Map<String, Message> latest = new LinkedHashMap<>();
        for (Message m : queued) latest.put(m.id(), m);
        try {
            if (!latest.isEmpty()) index(List.copyOf(latest.values()));
            if (behind) catchUpWithDropped();
            index.refresh();
        } catch (RuntimeException e) {
            log.error("Could not index {} messages", latest.size(), e);
        }
    }

    private void catchUpWithDropped() {
        String from;
        List<String> changed;
        synchronized (this) {
            from = behindFrom;
            changed = List.copyOf(droppedChanges);
            behindFrom = null;
            droppedChanges.clear();
            behind = false; // events from now on are queued again; what came before is read below
        }
        try {
            List<Message> changedNow = List.copyOf(messages.findByIds(changed).values());
            index(changedNow);
            long count = changedNow.size() + (from == null ? 0 : indexFromStore(aMinuteBefore(from)));
            log.info("Search indexing caught up: {} messages re-read from the store", count);
        } catch (RuntimeException e) {
            synchronized (this) { // the store could not be read: try again at the next drain
                behind = true;
                if (from != null && (behindFrom == null || from.compareTo(behindFrom) < 0)) behindFrom = from;
                droppedChanges.addAll(changed);
            }
            throw e;
        }
    }

    private void index(List<Message> batch) {
        index.index(batch);
        for (Message m : batch) if (lastIndexedId == null || m.id().compareTo(lastIndexedId) > 0) lastIndexedId = m.id();
    }

    static final long DRAIN_EVERY_MS = 1000;

    @Override
    public boolean onEveryNode() {
        return true; // each node has its own index
    }

    @Override
    public void afterSingletonsInstantiated() {
        worker.execute(this::catchUp);
        worker.scheduleWithFixedDelay(this::drain, DRAIN_EVERY_MS, DRAIN_EVERY_MS, TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(() -> {
            try {
                index.commit(lastIndexedId);
            } catch (RuntimeException e) {
                log.warn("Could not commit the search index", e);
            }
        }, COMMIT_EVERY_SECONDS, COMMIT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void catchUp() {
        String from = index.size() == 0 ? null : index.lastCommittedId().orElse(null);
        if (from == null && index.size() > 0) return; // an index from before commit data existed: keep it
        lastIndexedId = from;
        long count = indexFromStore(from == null ? null : aMinuteBefore(from));
        index.refresh();
        index.commit(lastIndexedId);
        if (count > 0) log.info("Search index caught up: {} messages indexed from the store", count);
    }

    /** Indexes, by batches of 1,000, every message stored with an id after {@code since} (all of them for null). */
    private long indexFromStore(String since) {
        List<Message> batch = new ArrayList<>();
        long[] count = {0};
        messages.forEachAfterId(since, m -> {
            batch.add(m);
            if (batch.size() == 1000) {
                index(batch);
                count[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) index(batch);
        return count[0] + batch.size();
    }

    /**
     * Message ids start with their creation second (MongoDB ObjectId layout). Ids are given before a
     * message is stored, and by several nodes, so a message with a smaller id may have been stored after
     * the last one indexed: catching up from a minute earlier covers that (re-indexing is idempotent).
     */
    static String aMinuteBefore(String id) {
        long seconds = Long.parseLong(id.substring(0, 8), 16);
        return String.format("%08x", Math.max(0, seconds - 60)) + "0".repeat(Math.max(0, id.length() - 8));
    }

    @Override
    public void destroy() throws Exception {
        worker.shutdown(); // periodic tasks stop; a task running now finishes
        worker.awaitTermination(10, TimeUnit.SECONDS);
        worker.shutdownNow();
        drain(); // the last queued messages, on this thread now that the worker is idle
        index.close(lastIndexedId);
    }
}
