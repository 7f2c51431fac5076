package fr.relais.hub.search;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.realtime.ChannelEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with committed events, on its own thread so that indexing never
 * delays fan-out. Rebuilds the index from MongoDB at start-up when it is empty.
 */
@Component
class SearchIndexer implements ChannelEventListener, SmartInitializingSingleton, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final MessageSearchIndex index;
    private final MessageStore messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });

    SearchIndexer(MessageSearchIndex index, MessageStore messages) {
        this.index = index;
        this.messages = messages;
    }

    @Override
    public void onEvents(List<ChannelEvent> events) {
        List<Message> changed = events.stream().map(ChannelEvent::message).toList();
        worker.execute(() -> {
            try {
                index.index(changed);
            } catch (RuntimeException e) {
                log.error("Could not index {} messages", changed.size(), e);
            }
        });
    }

    @Override
    public boolean onEveryNode() {
        return true; // each node has its own index
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (index.size() > 0) return;
        worker.execute(() -> {
            List<Message> batch = new ArrayList<>();
            messages.forEach(m -> {
                batch.add(m);
                if (batch.size() == 1000) {
                    index.index(batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) index.index(batch);
            if (index.size() > 0) log.info("Search index rebuilt: {} messages", index.size());
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown(); // finish what is queued before the index closes
        worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
