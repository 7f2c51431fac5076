package fr.relais.sdk.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Last seq per channel in a small properties file (written to a temp file then moved), so a restarted bot resyncs from where it stopped. */
public final class FileSeqStore implements RelaisBot.SeqStore {
    private final Path file;
    private final Map<String, Long> seqs = new ConcurrentHashMap<>();

    public FileSeqStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.forEach((k, v) -> seqs.put((String) k, Long.parseLong((String) v)));
        }
    }

    @Override
    public long lastSeq(String channelId, long ifUnknown) {
        return seqs.getOrDefault(channelId, ifUnknown);
    }

    @Override
    public synchronized void save(String channelId, long seq) {
        seqs.merge(channelId, seq, Math::max);
        Properties p = new Properties();
        seqs.forEach((k, v) -> p.setProperty(k, Long.toString(v)));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "Relais bot: last seq handled per channel");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
