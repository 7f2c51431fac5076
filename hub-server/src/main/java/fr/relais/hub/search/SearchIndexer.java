package fr.relais.hub.search;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.realtime.ChannelEventListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with committed events, on its own single thread so that indexing
 * never delays fan-out. Commits the index every {@value #COMMIT_EVERY_SECONDS} s and at shutdown,
 * with the id of the last message indexed; at start-up it indexes from MongoDB whatever came after
 * that id (everything, when the index is new), so a crash loses nothing from search for good.
 */
@Component
class SearchIndexer implements ChannelEventListener, SmartInitializingSingleton, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final long COMMIT_EVERY_SECONDS = 5;

    private final LuceneMessageIndex index;
    private final MessageStore messages;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    /** Written and read on the worker thread only. */
    private String lastIndexedId;

    SearchIndexer(LuceneMessageIndex index, MessageStore messages) {
        this.index = index;
        this.messages = messages;
    }

    /** Messages waiting to be indexed; bounded: beyond, the catch-up from the store at the next start covers them. */
    private final java.util.concurrent.LinkedBlockingQueue<Message> queue = new java.util.concurrent.LinkedBlockingQueue<>(100_000);

    @Override
    public void onEvents(List<ChannelEvent> events) {
        for (ChannelEvent e : events) {
            // The index holds a message's id, channel and text: a reaction changes none of them, and
            // re-indexing on each one made a live session's reaction bursts cost a Lucene update apiece.
            if (e.type() == ChannelEventType.REACTION_CHANGED) continue;
            if (!queue.offer(e.message())) {
                log.warn("Search indexing is behind; later messages will be indexed at the next start");
                return;
            }
        }
    }

    /**
     * Indexes everything queued as one batch, each message once in its latest state, then makes it
     * visible with one refresh (every {@value #DRAIN_EVERY_MS} ms).
     */
    void drain() {
        List<Message> queued = new ArrayList<>();
        queue.drainTo(queued);
        if (queued.isEmpty()) return;
        Map<String, Message> latest = new LinkedHashMap<>();
        for (Message m : queued) latest.put(m.id(), m);
        List<Message> batch = List.copyOf(latest.values());
        try {
            index.index(batch);
            index.refresh();
            for (Message m : batch) if (lastIndexedId == null || m.id().compareTo(lastIndexedId) > 0) lastIndexedId = m.id();
        } catch (RuntimeException e) {
            log.error("Could not index {} messages", batch.size(), e);
        }
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
        String since = from == null ? null : aMinuteBefore(from);
        List<Message> batch = new ArrayList<>();
        long[] count = {0};
        messages.forEachAfterId(since, m -> {
            batch.add(m);
            if (lastIndexedId == null || m.id().compareTo(lastIndexedId) > 0) lastIndexedId = m.id();
            if (batch.size() == 1000) {
                index.index(batch);
                count[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) index.index(batch);
        count[0] += batch.size();
        index.refresh();
        index.commit(lastIndexedId);
        if (count[0] > 0) log.info("Search index caught up: {} messages indexed from the store", count[0]);
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
