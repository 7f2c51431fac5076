package fr.relais.hub.infra.mongo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's write-ahead journal. Every change to a map of the store is appended here as
 * the entry's new state (put or removed); {@link #flush()} — the durability barrier the message
 * writer calls after each batch — writes what was appended since the last one to the journal file,
 * one sequential write. The B-tree file itself is written only at checkpoints (every
 * {@code checkpointEvery}, and when the journal grows past {@code checkpointBytes}).
 *
 * <p>Why: an MVStore commit rewrites every B-tree page a change touched, whole. Committing after
 * every batch of a few messages made page serialisation the largest part of the hub's CPU (about
 * 35 % of its samples when storing 2,000 msg/s into 50 channels); the journal writes each change
 * once, and a checkpoint a second rewrites each touched page once for thousands of messages.
 *
 * <p>Crash safety (of the process, as before: the operating system has the bytes when
 * {@link #flush()} returns). Each flush is one block with its length and CRC; a torn last block is
 * ignored at start-up (nothing in it was acknowledged). A change is applied to its map and appended
 * to the journal under one lock, and a checkpoint captures the maps' roots ({@link MVStore#tryCommit()}
 * takes them before it returns; serialisation continues in the background) under that same lock,
 * right after flushing and switching to a new journal file. So the B-tree file always holds the
 * exact state at the start of some journal file, and replaying every journal file left, in order,
 * entry state by entry state, gives back exactly the state at the last complete block: later states
 * of an entry always come later in the journal. A journal file is deleted only once a checkpoint
 * taken after it is on disk. MVStore's own automatic commits and compaction are turned off for that
 * reason (they would capture states in between); the file is compacted when the store closes. A
 * chunk all of whose pages are superseded is reused by later checkpoints: after 270,000 messages,
 * 92 % of the file's chunks were live data ({@code relais_store_file_fill_percent}).
 */
final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    static final byte PUT = 1;
    static final byte REMOVE = 2;
    static final byte CLEAR = 3;
    private static final int HEADER = 8; // int length, int CRC32C of the payload

    private final MVStore store;
    private final Path directory;
    private final String prefix;
    private final long checkpointBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final WriteBuffer pending = new WriteBuffer(1 << 16);
    private final ScheduledExecutorService checkpoints;
    private long fileNumber;
    private FileChannel file;
    private long bytesSinceCheckpoint;
    private volatile boolean closed;
    private boolean replaying;
    /** Replaced by the checkpoint thread only, read by metrics. */
    private volatile Checkpoints checkpointed = new Checkpoints(0, 0, 0);

    private Journal(MVStore store, Path storeFile, long checkpointBytes) {
        this.store = store;
        this.directory = storeFile.toAbsolutePath().getParent();
        this.prefix = storeFile.getFileName() + ".journal.";
        this.checkpointBytes = checkpointBytes;
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-store-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Replays the journal files left next to {@code storeFile} into {@code store}, makes the result the
     * store's new checkpoint, and starts a new journal.
     */
    static Journal open(MVStore store, Path storeFile, long checkpointEveryMillis, long checkpointBytes) {
        Journal journal = new Journal(store, storeFile, checkpointBytes);
        List<Path> left = journal.files();
        if (!left.isEmpty()) {
            long replayed = 0;
            journal.replaying = true;
            try {
                for (Path path : left) {
                    replayed += journal.replay(path, path.equals(left.getLast()));
                    journal.fileNumber = Math.max(journal.fileNumber, journal.number(path));
                }
            } catch (RuntimeException e) {
                store.closeImmediately(); // the file stays as it was: nothing replayed is written
                throw e;
            }
            journal.replaying = false;
            store.commit();
            log.info("Embedded storage: {} changes replayed from {} journal file(s)", replayed, left.size());
        }
        journal.startFile(journal.fileNumber + 1);
        journal.deleteFilesBefore(journal.fileNumber);
        journal.checkpoints.scheduleWithFixedDelay(journal::checkpointQuietly, checkpointEveryMillis,
                checkpointEveryMillis, TimeUnit.MILLISECONDS);
        return journal;
    }

    /** Applies a change to a map and appends the entry's new state, atomically with respect to checkpoints. */
    <K, V> V change(JournaledMap<K, V> map, K key, Supplier<V> operation, Supplier<V> stateAfter) {
        lock.lock();
        try {
            V result = operation.get();
            V state = stateAfter.get();
            appendEntry(map, state == null ? REMOVE : PUT, key, state);
            return result;
        } finally {
            lock.unlock();
        }
    }

    void clear(JournaledMap<?, ?> map, Runnable operation) {
        lock.lock();
        try {
            operation.run();
            appendEntry(map, CLEAR, null, null);
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void appendEntry(JournaledMap map, byte op, Object key, Object value) {
        if (replaying) return; // the change is in the journal being replayed already
        String name = map.getName();
        pending.put(op).put((byte) map.kind().ordinal()).putVarInt(name.length()).putStringData(name, name.length());
        if (op != CLEAR) map.getKeyType().write(pending, key);
        if (op == PUT) map.getValueType().write(pending, value);
    }

    /** The durability barrier: everything changed so far is in the journal file when this returns. */
    void flush() {
        boolean checkpointDue;
        lock.lock();
        try {
            flushLocked();
            checkpointDue = bytesSinceCheckpoint > checkpointBytes;
        } finally {
            lock.unlock();
        }
        if (checkpointDue && !closed) checkpoints.execute(this::checkpointQuietly);
    }

    private void flushLocked() {
        ByteBuffer payload = pending.getBuffer();
        payload.flip();
        int length = payload.remaining();
        if (length == 0) {
            pending.clear();
            return;
        }
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(length).putInt((int) crc.getValue()).flip();
        try {
            ByteBuffer[] block = {header, payload};
            while (header.hasRemaining() || payload.hasRemaining()) file.write(block);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded store's journal", e);
        } finally {
            pending.clear();
        }
        bytesSinceCheckpoint += HEADER + length;
    }

    /**
     * Writes the B-tree file up to now without stopping writers for longer than it takes to capture the
     * maps' roots, then deletes the journal files that it makes unnecessary.
     */
    void checkpoint() {
        long firstNeeded;
        long started = System.nanoTime();
        long captured;
        lock.lock();
        try {
            if (closed || bytesSinceCheckpoint == 0 && pending.position() == 0) return;
            flushLocked();
            startFile(fileNumber + 1);
            firstNeeded = fileNumber;
            if (store.hasUnsavedChanges() && store.tryCommit() < 0) return; // busy: the next checkpoint does it
        } finally {
            captured = System.nanoTime();
            lock.unlock();
        }
        store.getFileStore().executeFileStoreOperation(() -> { }); // waits for the captured version on disk
        deleteFilesBefore(firstNeeded);
        long heldMicros = (captured - started) / 1_000;
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        checkpointed = new Checkpoints(checkpointed.count() + 1, heldMicros, tookMillis);
        log.debug("Embedded storage: checkpoint {}: writers held {} µs, on disk after {} ms", firstNeeded, heldMicros, tookMillis);
    }

    /** How many checkpoints so far, and how long the last one held writers and took. */
    Checkpoints checkpointed() {
        return checkpointed;
    }

    /** The share of live data in the file's chunks, in percent. */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    record Checkpoints(long count, long lastHeldMicros, long lastMillis) {
    }

    /**
     * Runs a change the journal cannot record (removing or renaming a map), then a synchronous checkpoint,
     * so that no journal file left refers to the map as it was.
     */
    void checkpointNow(Runnable structuralChange) {
        lock.lock();
        try {
            structuralChange.run();
            flushLocked();
            startFile(fileNumber + 1);
            store.commit();
            deleteFilesBefore(fileNumber);
        } finally {
            lock.unlock();
        }
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.error("Embedded storage: checkpoint failed; the journal keeps every change meanwhile", e);
        }
    }

    /** Flushes, stops checkpoints and hands over to {@link MVStore#close()}, which writes the last state. */
    @Override
    public void close() {
        checkpoints.shutdown();
        try {
            checkpoints.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            flushLocked();
            store.close();
            file.close();
            deleteFilesBefore(Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    private void startFile(long number) {
        try {
            if (file != null) file.close();
            fileNumber = number;
            file = FileChannel.open(directory.resolve(prefix + String.format("%016d", number)),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            bytesSinceCheckpoint = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a journal file for the embedded store", e);
        }
    }

    private List<Path> files() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path path : dir) if (number(path) >= 0) found.add(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        return found;
    }

    private long number(Path path) {
        try {
            return Long.parseLong(path.getFileName().toString().substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void deleteFilesBefore(long number) {
        for (Path path : files()) {
            if (number(path) >= number) continue;
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Embedded storage: could not delete the replayed journal file {}", path, e);
            }
        }
    }

    /**
     * Applies every complete block of one journal file. A torn or corrupt block ends the last file (a
     * write cut short by a crash); in an earlier file it means the journal is damaged, and replaying the
     * later files over the gap would mix states, so start-up stops with what to do.
     */
    private long replay(Path path, boolean last) {
        ByteBuffer all;
        try {
            all = ByteBuffer.wrap(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded store's journal " + path, e);
        }
        long changes = 0;
        while (all.remaining() >= HEADER) {
            int blockStart = all.position();
            int length = all.getInt();
            int expected = all.getInt();
            if (length < 0 || length > all.remaining()) {
                all.position(blockStart);
                break;
            }
            ByteBuffer payload = all.slice(all.position(), length);
            CRC32C crc = new CRC32C();
            crc.update(payload.duplicate());
            if ((int) crc.getValue() != expected) {
                all.position(blockStart);
                break;
            }
            all.position(all.position() + length);
            while (payload.hasRemaining()) {
                applyEntry(payload);
                changes++;
            }
        }
        if (all.hasRemaining() && !last) {
            throw new IllegalStateException("The embedded store's journal " + path + " is damaged at byte "
                    + all.position() + " and later journal files follow it. Nothing was changed; to start with "
                    + "what precedes the damage, move this file and every later " + prefix + "* file out of "
                    + directory);
        }
        if (all.hasRemaining()) {
            log.warn("Embedded storage: {} bytes at the end of {} were not a complete block (a write cut short "
                    + "by a crash; nothing in them was acknowledged)", all.remaining(), path.getFileName());
        }
        return changes;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void applyEntry(ByteBuffer in) {
        byte op = in.get();
        MapKind kind = MapKind.values()[in.get()];
        String name = DataUtils.readString(in);
        MVMap map = kind.open(store, name, this);
        switch (op) {
            case CLEAR -> map.clear();
            case REMOVE -> map.remove(map.getKeyType().read(in));
            case PUT -> {
                Object key = map.getKeyType().read(in);
                map.put(key, map.getValueType().read(in));
            }
            default -> throw new IllegalStateException("Unknown journal entry " + op + " in map " + name);
        }
    }
}
