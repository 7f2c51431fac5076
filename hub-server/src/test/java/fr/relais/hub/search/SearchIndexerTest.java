package fr.relais.hub.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.infra.mongo.MongoProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the indexer hands to Lucene: only events that change what is searched (text, deletion), each
 * message once per drain in its latest state. A live session's reaction bursts used to cost one
 * Lucene update per reaction.
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
