package fr.relais.hub.chat.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the chat expects of its storage, written once and run against every backend: the embedded
 * MongoDB-wire server always, a real MongoDB where Docker is available.
 */
abstract class MessageStoreContract {
    static final UserRef ALICE = new UserRef("u-alice", "alice", "Alice", false);
    static final UserRef BRUNO = new UserRef("u-bruno", "bruno", "Bruno", false);

    MongoMessageStore messages;
    MongoChannelEventStore events;
    MongoSeqAllocator seqs;
    String channel;

    abstract MongoDatabase database();

    @BeforeEach
    void stores() {
        MongoDatabase db = database();
        messages = new MongoMessageStore(db);
        events = new MongoChannelEventStore(db);
        seqs = new MongoSeqAllocator(db, false, 1000); // a shared store's way: one $inc per batch
        channel = "test-" + UUID.randomUUID();
        db.getCollection("channels").insertOne(new Document("_id", channel).append("lastSeq", 0L));
    }

    Message message(UserRef author, long seq, String text, String threadId) {
        return new Message(messages.newId(), channel, seq, threadId, author, text, UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null, false, false, Map.of(), List.of(), false, 0);
    }

    @Test
    void seqs_are_reserved_in_consecutive_blocks() {
        assertThat(seqs.reserve(channel, 3)).isEqualTo(3);
        assertThat(seqs.reserve(channel, 1)).isEqualTo(4);
        assertThat(seqs.reserve(channel, 10)).isEqualTo(14);
        assertThat(lastSeq()).isEqualTo(14);
    }

    @Test
    void a_single_node_hands_out_seqs_from_blocks_and_stores_the_last_one_used() {
        seqs.reserve(channel, 5); // numbers a cluster handed out before this node ran alone
        MongoSeqAllocator alone = new MongoSeqAllocator(database(), true, 4);
        assertThat(alone.reserve(channel, 2)).isEqualTo(7);
        assertThat(alone.reserve(channel, 1)).isEqualTo(8);
        assertThat(alone.reserve(channel, 3)).isEqualTo(12); // 9 is left over: a new block (10..13), a gap
        assertThat(lastSeq()).isEqualTo(5); // lastSeq follows what is used, not what is reserved
        alone.used(Map.of(channel, 12L));
        assertThat(alone.pending()).as("readers see it at once").containsEntry(channel, 12L);
        alone.writeBack();
        assertThat(lastSeq()).isEqualTo(12);
        assertThat(alone.pending()).isEmpty();
        alone.used(Map.of(channel, 10L));
        alone.writeBack();
        assertThat(lastSeq()).as("never goes back").isEqualTo(12);

        MongoSeqAllocator restarted = new MongoSeqAllocator(database(), true, 4);
        assertThat(restarted.reserve(channel, 1)).as("after a restart, above every block reserved before").isEqualTo(14);
        assertThat(seqs.reserve(channel, 1)).as("a cluster taking over starts above every number used").isGreaterThan(12);
    }

    @Test
    void after_a_crash_a_single_nodes_last_seqs_catch_up_with_what_was_stored() {
        MongoSeqAllocator alone = new MongoSeqAllocator(database(), true, 100);
        long first = alone.reserve(channel, 3);
        messages.insertNew(List.of(message(ALICE, first - 2, "un", null), message(ALICE, first - 1, "deux", null)));
        events.append(List.of(new ChannelEvent(ChannelEventType.MESSAGE_UPDATED, channel, first, message(ALICE, first - 1, "deux !", null))));
        alone.used(Map.of(channel, first)); // then the process dies before writing it back
        assertThat(lastSeq()).isZero();

        new MongoSeqAllocator(database(), true, 100); // the next start
        assertThat(lastSeq()).as("the highest seq among the channel's messages and changes").isEqualTo(first);
    }

    long lastSeq() {
        return database().getCollection("channels").find(new Document("_id", channel)).first().get("lastSeq", Number.class).longValue();
    }

    @Test
    void a_resent_client_message_id_is_reported_as_a_duplicate_and_the_rest_is_stored() {
        Message first = message(ALICE, 1, "un", null);
        assertThat(messages.insertNew(List.of(first))).isEmpty();
        Message again = new Message(messages.newId(), channel, 2, null, ALICE, "un", first.clientMessageId(),
                first.createdAt(), null, false, false, Map.of(), List.of(), false, 0);
        Message other = message(BRUNO, 3, "deux", null);
        assertThat(messages.insertNew(List.of(again, other))).containsExactly(0);
        assertThat(messages.findByClientMessageId(ALICE.id(), first.clientMessageId()).orElseThrow().id()).isEqualTo(first.id());
        assertThat(messages.findById(other.id())).isPresent();
        // The same clientMessageId from someone else is a different message.
        Message bruno = new Message(messages.newId(), channel, 4, null, BRUNO, "un", first.clientMessageId(),
                first.createdAt(), null, false, false, Map.of(), List.of(), false, 0);
        assertThat(messages.insertNew(List.of(bruno))).isEmpty();
    }

    @Test
    void history_pages_are_ascending_and_newest_first_pages_end_at_the_latest() {
        for (int i = 1; i <= 10; i++) messages.insertNew(List.of(message(ALICE, i, "m" + i, null)));
        assertThat(messages.page(channel, null, null, 3, true)).extracting(Message::seq).containsExactly(8L, 9L, 10L);
        assertThat(messages.page(channel, null, 8L, 3, true)).extracting(Message::seq).containsExactly(5L, 6L, 7L);
        assertThat(messages.page(channel, 2L, null, 3, true)).extracting(Message::seq).containsExactly(3L, 4L, 5L);
        assertThat(messages.createdAfter(channel, 7, 100)).extracting(Message::seq).containsExactly(8L, 9L, 10L);
    }

    @Test
    void thread_replies_stay_out_of_top_level_pages_and_count_on_their_parent() {
        Message parent = message(ALICE, 1, "question", null);
        messages.insertNew(List.of(parent));
        messages.insertNew(List.of(message(BRUNO, 2, "réponse", parent.id()), message(ALICE, 3, "merci", parent.id())));
        messages.incrementReplyCounts(Map.of(parent.id(), 2));
        assertThat(messages.page(channel, 0L, null, 10, true)).extracting(Message::seq).containsExactly(1L);
        assertThat(messages.page(channel, 0L, null, 10, false)).hasSize(3);
        assertThat(messages.replies(parent.id(), 10)).extracting(Message::text).containsExactly("réponse", "merci");
        assertThat(messages.findById(parent.id()).orElseThrow().replyCount()).isEqualTo(2);
    }

    @Test
    void unread_and_mention_counts_skip_own_and_deleted_messages() {
        Message mention = new Message(messages.newId(), channel, 2, null, BRUNO, "@alice", "c-2", Instant.now(), null,
                false, false, Map.of(), List.of(ALICE.id()), false, 0);
        messages.insertNew(List.of(message(ALICE, 1, "mine", null), mention, message(BRUNO, 3, "hello", null),
                message(BRUNO, 4, "gone", null)));
        Message gone = messages.createdAfter(channel, 3, 1).get(0);
        messages.replace(List.of(gone.tombstone(Instant.now())));
        assertThat(messages.countUnread(channel, 0, ALICE.id(), 100)).isEqualTo(2);
        assertThat(messages.countUnread(channel, 2, ALICE.id(), 100)).isEqualTo(1);
        assertThat(messages.countMentions(channel, 0, ALICE.id(), 100)).isEqualTo(1);
        assertThat(messages.countMentions(channel, 2, ALICE.id(), 100)).isZero();
    }

    @Test
    void change_events_come_back_in_seq_order_with_their_snapshot() {
        Message m = message(ALICE, 1, "avant", null);
        messages.insertNew(List.of(m));
        Message edited = m.edited("après", List.of(), false, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Message reacted = edited.withReactions(Map.of("👍", List.of(BRUNO.id())));
        events.append(List.of(new ChannelEvent(ChannelEventType.MESSAGE_UPDATED, channel, 2, edited),
                new ChannelEvent(ChannelEventType.REACTION_CHANGED, channel, 3, reacted)));
        List<ChannelEvent> after1 = events.after(channel, 1, 10);
        assertThat(after1).extracting(ChannelEvent::seq).containsExactly(2L, 3L);
        assertThat(after1.get(0).message().text()).isEqualTo("après");
        assertThat(after1.get(1).message().reactions()).containsEntry("👍", List.of(BRUNO.id()));
        assertThat(events.after(channel, 2, 10)).extracting(ChannelEvent::type).containsExactly(ChannelEventType.REACTION_CHANGED);
    }

    @Test
    void pinned_messages_are_listed() {
        Message a = message(ALICE, 1, "a", null);
        Message b = message(ALICE, 2, "b", null);
        messages.insertNew(List.of(a, b));
        messages.replace(List.of(b.withPinned(true)));
        assertThat(messages.pinned(channel)).extracting(Message::id).containsExactly(b.id());
        assertThat(messages.findByIds(Set.of(a.id(), b.id(), "missing"))).containsOnlyKeys(a.id(), b.id());
    }
}
