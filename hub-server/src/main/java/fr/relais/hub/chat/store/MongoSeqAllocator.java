package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.relais.hub.chat.SeqAllocator;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.mongo.MongoProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reserves seqs in the channel document (the {@code channels} collection). MongoDB rather than Redis
 * because MongoDB is the record: a counter that lives with the data cannot fall behind it after a
 * Redis failover. A reserved seq whose write then fails is simply skipped: seqs are strictly
 * increasing, not gap-free.
 *
 * <p><b>A store other nodes may share</b> ({@code relais.mongo.uri} or {@code relais.cluster.redis-url}
 * set): one atomic {@code $inc} of {@code lastSeq} per channel and batch, so concurrent writers on
 * different nodes never share a number and each batch's numbers are above everything written before
 * it. Blocks would break that second property: two nodes holding blocks 1–1000 and 1001–2000 would
 * store a later message under a smaller seq, and a client catching up "after seq 1001" would miss it.
 *
 * <p><b>The embedded store</b> (no MongoDB URI, no Redis): it lives in this process, so this node is
 * the only writer, and it reserves numbers by blocks of
 * {@code relais.store.seq-block} with an {@code $inc} of {@code seqReserved}, and hands them out from
 * memory; {@code lastSeq} is then set with {@code $max} in the same commit as the messages (see
 * {@link #used}). That saves a round trip and a write of the channel per batch. A restart skips the
 * rest of the block (a gap, allowed).
 */
@Component
class MongoSeqAllocator implements SeqAllocator {
    private final MongoCollection<Document> channels;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    @Autowired
    MongoSeqAllocator(MongoDatabase database, MongoProperties store, @Value("${relais.cluster.redis-url:}") String clusterBus,
                      @Value("${relais.store.seq-block:1000}") int seqBlock) {
        this(database, store.embedded() && clusterBus.isBlank(), seqBlock);
    }

    /** @param onlyWriter no other node can write to this store, so numbers may be reserved by blocks */
    MongoSeqAllocator(MongoDatabase database, boolean onlyWriter, int seqBlock) {
        this.channels = database.getCollection("channels");
        this.blockSize = onlyWriter ? Math.max(1, seqBlock) : 1;
    }

    @Override
    public long reserve(String channelId, int count) {
        if (blockSize == 1) return inc(channelId, "lastSeq", count);
        Block block = blocks.compute(channelId, (id, current) -> {
            if (current != null && current.last - current.next + 1 >= count) return current;
            if (current == null) catchUpWithLastSeq(id);
            long size = Math.max(blockSize, count);
            long last = inc(id, "seqReserved", size);
            return new Block(last - size + 1, last);
        });
        synchronized (block) {
            block.next += count;
            return block.next - 1;
        }
    }

    @Override
    public void used(Map<String, Long> lastSeqByChannel) {
        if (blockSize == 1 || lastSeqByChannel.isEmpty()) return;
        List<WriteModel<Document>> updates = new ArrayList<>();
        lastSeqByChannel.forEach((id, seq) -> updates.add(new UpdateOneModel<>(eq("_id", id), Updates.max("lastSeq", seq))));
        channels.bulkWrite(updates);
    }

    /** Blocks start after every number used so far, including those a cluster handed out with {@code lastSeq}. */
    private void catchUpWithLastSeq(String channelId) {
        Document channel = channels.find(eq("_id", channelId)).projection(Projections.include("lastSeq")).first();
        if (channel == null) throw new RelaisException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: " + channelId);
        Number lastSeq = channel.get("lastSeq", Number.class);
        channels.updateOne(eq("_id", channelId), Updates.max("seqReserved", lastSeq == null ? 0L : lastSeq.longValue()));
    }

    private long inc(String channelId, String field, long count) {
        Document after = channels.findOneAndUpdate(eq("_id", channelId), Updates.inc(field, count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(Projections.include(field)));
        if (after == null) throw new RelaisException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: " + channelId);
        return after.get(field, Number.class).longValue();
    }

    /** Numbers {@code next..last} are reserved for this node and not handed out yet. */
    private static final class Block {
        long next;
        final long last;

        Block(long next, long last) {
            this.next = next;
            this.last = last;
        }
    }
}
