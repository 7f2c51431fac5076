package fr.relais.hub.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.chat.store.MessageStoresAccess;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.infra.mongo.EmbeddedMongoServer;
import fr.relais.hub.infra.mongo.MongoProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the indexer hands to Lucene: only events that change what is searched (text, deletion), each
 * message once per drain in its latest state (a live session's reaction bursts used to cost one
 * Lucene update per reaction), and what a full queue could not hold, read back from the store.
 */
class SearchIndexerTest {
    private static final UserRef AUTHOR = new UserRef("u1", "camille", "Camille", false);

    private final CountingIndex index = new CountingIndex();
    // The store is only read when catching up at start-up, which this test does not do.
    private final SearchIndexer indexer = new SearchIndexer(index, null);

    @AfterEach
    void closeIndex() throws Exception {
        index.close(null);
    }

    @Test
    void reactions_are_not_indexed_and_a_message_changed_twice_in_a_drain_is_indexed_once_as_it_ended() {
        Message created = message("m1", 1, "Réunion du bureau fédéral jeudi");
        List<ChannelEvent> events = new ArrayList<>();
        events.add(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", 1, created));
        for (int i = 0; i < 30; i++) {
            Message reacted = created.withReactions(Map.of("👍", List.of("u" + i)));
            events.add(new ChannelEvent(ChannelEventType.REACTION_CHANGED, "fed-29", 2 + i, reacted));
        }
        Message edited = created.edited("Réunion annulée, reportée à lundi", List.of(), false, Instant.now());
        events.add(new ChannelEvent(ChannelEventType.MESSAGE_UPDATED, "fed-29", 40, edited));
        Message other = message("m2", 41, "Tractage samedi au marché");
        events.add(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", 41, other));
        events.add(new ChannelEvent(ChannelEventType.MESSAGE_DELETED, "fed-29", 42, other.tombstone(Instant.now())));

        indexer.onEvents(events);
        indexer.drain();

        assertThat(index.handed).extracting(Message::id).containsExactly("m1", "m2");
        assertThat(index.search("annulée", List.of("fed-29"), 10)).containsExactly("m1");
        assertThat(index.search("bureau", List.of("fed-29"), 10)).isEmpty();
        assertThat(index.search("tractage", List.of("fed-29"), 10)).isEmpty();
    }

    @Test
    void a_reaction_on_an_indexed_message_leaves_the_index_alone() {
        Message created = message("m1", 1, "Affiches pour la campagne");
        indexer.onEvents(List.of(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", 1, created)));
        indexer.drain();
        index.handed.clear();

        indexer.onEvents(List.of(new ChannelEvent(ChannelEventType.REACTION_CHANGED, "fed-29", 2,
                created.withReactions(Map.of("🎉", List.of("u2"))))));
        indexer.drain();

        assertThat(index.handed).isEmpty();
        assertThat(index.search("affiche", List.of("fed-29"), 10)).containsExactly("m1");
    }

    @Test
    void past_a_full_queue_the_indexer_reads_what_it_could_not_queue_from_the_store(@TempDir Path dataDir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MessageStore store = MessageStoresAccess.open(client.getDatabase("relais"));
            SearchIndexer small = new SearchIndexer(index, store, 3);
            // Posted ten minutes ago: out of the minute of slack the re-read from the store allows for.
            String tenMinutesOld = new ObjectId(Date.from(Instant.now().minusSeconds(600))).toHexString();
            Message first = message(tenMinutesOld, 1, "Ordre du jour de l'assemblée");
            store.insertNew(List.of(first));
            small.onEvents(List.of(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", 1, first)));
            small.drain();

            // Then, before the next drain: ten new messages and an edit of the first, for a queue of three.
            List<ChannelEvent> burst = new ArrayList<>();
            List<Message> created = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Message m = message(store.newId(), 2 + i, "Point presse numéro " + (i + 1) + " rugby" + (char) ('a' + i));
                created.add(m);
                burst.add(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", m.seq(), m));
            }
            store.insertNew(created);
            Message edited = first.edited("Assemblée annulée", List.of(), false, Instant.now()).withSeq(1);
            store.replace(List.of(edited));
            burst.add(new ChannelEvent(ChannelEventType.MESSAGE_UPDATED, "fed-29", 12, edited));
            small.onEvents(burst);
            small.drain();

            assertThat(index.size()).isEqualTo(11);
            assertThat(index.search("rugbyj", List.of("fed-29"), 10)).containsExactly(created.getLast().id());
            assertThat(index.search("annulée", List.of("fed-29"), 10)).containsExactly(first.id());
            assertThat(index.search("ordre", List.of("fed-29"), 10)).isEmpty();

            // Caught up: new events are queued again.
            Message later = message(store.newId(), 13, "Collage d'affiches demain");
            store.insertNew(List.of(later));
            small.onEvents(List.of(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, "fed-29", 13, later)));
            index.handed.clear();
            small.drain();
            assertThat(index.handed).extracting(Message::id).containsExactly(later.id());
            assertThat(index.search("collage", List.of("fed-29"), 10)).containsExactly(later.id());
        }
    }

    private static Message message(String id, long seq, String text) {
        return new Message(id, "fed-29", seq, null, AUTHOR, text, "c-" + id, Instant.now(), null, false, false,
                Map.of(), List.of(), false, 0);
    }

    /** The real Lucene index, in memory, remembering every message it was handed. */
    private static final class CountingIndex extends LuceneMessageIndex {
        final List<Message> handed = new ArrayList<>();

        CountingIndex() {
            super(new MongoProperties("", "relais", "unused", true));
        }

        @Override
        public void index(List<Message> messages) {
            handed.addAll(messages);
            super.index(messages);
        }
    }
}
