package fr.relais.hub.chat.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.relais.hub.channels.PendingLastSeqs;
import fr.relais.hub.chat.SeqAllocator;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.infra.mongo.MongoProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * memory; a restart skips the rest of the block (a gap, allowed). {@code lastSeq} is not written per
 * batch either: the last seq used per channel is kept in memory ({@link #pending}, which readers of
 * {@code lastSeq} merge in) and written back with {@code $max} every second and at shutdown. One
 * update per channel and batch was about 12 % of the hub's CPU at 6,000 stored messages a second over
 * 50 channels (docs/performance.md, eighth run). After a crash the documents may be up to a second
 * behind, so at start-up each channel's {@code lastSeq} is raised to the highest seq of its messages
 * and changes above it (one indexed range read per channel and collection, empty after a clean stop).
 */
@Component
class MongoSeqAllocator implements SeqAllocator, PendingLastSeqs, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(MongoSeqAllocator.class);
    private static final Duration WRITE_BACK_EVERY = Duration.ofSeconds(1);

    private final MongoDatabase database;
    private final MongoCollection<Document> channels;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();
    /** Only writer: the last seq used per channel, not yet written to its document. */
    private final Map<String, Long> unwritten = new ConcurrentHashMap<>();
    private final @Nullable ScheduledExecutorService writeBack;

    @Autowired
    MongoSeqAllocator(MongoDatabase database, MongoProperties store, @Value("${relais.cluster.redis-url:}") String clusterBus,
                      @Value("${relais.store.seq-block:1000}") int seqBlock) {
        this(database, store.embedded() && clusterBus.isBlank(), seqBlock, true);
    }

    /** @param onlyWriter no other node can write to this store, so numbers may be reserved by blocks */
    MongoSeqAllocator(MongoDatabase database, boolean onlyWriter, int seqBlock) {
        this(database, onlyWriter, seqBlock, false);
    }

    private MongoSeqAllocator(MongoDatabase database, boolean onlyWriter, int seqBlock, boolean writeBackInBackground) {
        this.database = database;
        this.channels = database.getCollection("channels");
        this.blockSize = onlyWriter ? Math.max(1, seqBlock) : 1;
        if (blockSize > 1) catchUpLastSeqsAfterCrash();
        this.writeBack = blockSize > 1 && writeBackInBackground ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seq-write-back");
            t.setDaemon(true);
            return t;
        }) : null;
        if (writeBack != null) {
            writeBack.scheduleWithFixedDelay(this::writeBackQuietly, WRITE_BACK_EVERY.toMillis(), WRITE_BACK_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
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
        if (blockSize == 1) return; // lastSeq itself was the counter
        lastSeqByChannel.forEach((id, seq) -> unwritten.merge(id, seq, Math::max));
    }

    @Override
    public Map<String, Long> pending() {
        return unwritten;
    }

    /** Writes the last seqs used to the channel documents; an entry is dropped only once its value is written. */
    void writeBack() {
        if (unwritten.isEmpty()) return;
        Map<String, Long> snapshot = Map.copyOf(unwritten);
        List<WriteModel<Document>> updates = new ArrayList<>();
        snapshot.forEach((id, seq) -> updates.add(new UpdateOneModel<>(eq("_id", id), Updates.max("lastSeq", seq))));
        channels.bulkWrite(updates);
        snapshot.forEach(unwritten::remove); // remove(key, value): a seq used meanwhile stays for the next round
    }

    private void writeBackQuietly() {
        try {
            writeBack();
        } catch (RuntimeException e) {
            log.warn("Could not write channels' last seqs back; trying again in {}", WRITE_BACK_EVERY, e);
        }
    }

    /** Last write-back at shutdown, before the store closes (this bean depends on it, so it is destroyed first). */
    @Override
    public void destroy() {
        if (writeBack != null) writeBack.shutdownNow();
        writeBackQuietly();
    }

    /** Raises each channel's lastSeq to the highest seq stored above it: what a crash kept from being written back. */
    private void catchUpLastSeqsAfterCrash() {
        MongoCollection<Document> messages = database.getCollection("messages");
        MongoCollection<Document> changes = database.getCollection("channel_events");
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Document channel : channels.find().projection(Projections.include("lastSeq"))) {
            String id = channel.getString("_id");
            Number stored = channel.get("lastSeq", Number.class);
            long last = stored == null ? 0 : stored.longValue();
            long found = Math.max(highestSeqAbove(messages, id, last), highestSeqAbove(changes, id, last));
            if (found > last) updates.add(new UpdateOneModel<>(eq("_id", id), Updates.max("lastSeq", found)));
        }
        if (!updates.isEmpty()) {
            channels.bulkWrite(updates);
            log.info("Channels' last seqs caught up after an unclean stop: {} channels", updates.size());
        }
    }

    private static long highestSeqAbove(MongoCollection<Document> collection, String channelId, long seq) {
        long highest = seq;
        for (Document d : collection.find(and(eq("channelId", channelId), gt("seq", seq))).projection(Projections.include("seq"))) {
            highest = Math.max(highest, d.get("seq", Number.class).longValue());
        }
        return highest;
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
