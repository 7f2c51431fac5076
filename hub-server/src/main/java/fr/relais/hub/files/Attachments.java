package fr.relais.hub.files;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.mongo.StorageDurability;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one door to attachments: {@code check*} refuse bad uploads, {@link #requireReadable} fetches a
 * file with the authorisation check, {@link #claim} ties uploaded files to the channel of the message
 * that sends them.
 */
@Service
public class Attachments {
    private static final int MAX_NAME_CHARS = 200;

    private final FileStore store;
    private final ChannelAccess access;
    private final FileLimits limits;
    private final StorageDurability durability;

    private final java.util.List<FileAccessRule> rules;

    Attachments(FileStore store, ChannelAccess access, FileLimits limits, StorageDurability durability,
                java.util.List<FileAccessRule> rules) {
        this.rules = rules;
        this.store = store;
        this.access = access;
        this.limits = limits;
        this.durability = durability;
    }

    /**
     * Stores an upload once its type and size are checked.
     *
     * @param declaredLength the request's Content-Length, or -1 when unknown (the size is then checked while reading)
     */
    public StoredFile upload(User uploader, String name, String contentType, long declaredLength, InputStream body) {
        FileType type = FileType.ofMimeType(contentType).orElseThrow(() -> new RelaisException(ErrorCode.VALIDATION_FAILED,
                "Only images (PNG, JPEG, GIF, WebP), PDF documents and videos (MP4, WebM) can be attached"));
        long max = limits.maxBytesFor(type);
        if (declaredLength > max) throw tooLarge(type, max);
        if (declaredLength == 0) throw RelaisException.invalid("The file is empty");
        try {
            BufferedInputStream in = new BufferedInputStream(body);
            in.mark(FileType.SNIFF_BYTES);
            byte[] head = in.readNBytes(FileType.SNIFF_BYTES);
            in.reset();
            if (head.length == 0) throw RelaisException.invalid("The file is empty");
            if (!type.matches(head)) {
                throw RelaisException.invalid("The file's content is not " + type.mimeType() + " as its type says");
            }
            SizeLimitedStream limited = new SizeLimitedStream(in, max);
            StoredFile stored;
            try {
                stored = store.save(cleanName(name), type.mimeType(), uploader.id(), limited);
            } catch (RuntimeException e) {
                if (limited.exceeded) throw tooLarge(type, max);
                throw e;
            }
            durability.makeDurable();
            return stored;
        } catch (IOException e) {
            throw RelaisException.invalid("The upload was interrupted");
        }
    }

    /**
     * The file if the user may download it: its uploader, a reader of the channel it was sent to, or
     * someone a feature's {@link FileAccessRule} lets in (e.g. the people who may see a support ticket).
     */
    public StoredFile requireReadable(User user, String fileId) {
        StoredFile file = store.find(fileId).orElseThrow(Attachments::notFound);
        if (file.uploaderId().equals(user.id())) return file;
        if (rules.stream().anyMatch(rule -> rule.allows(user, file))) return file;
        if (file.channelId() == null) throw notFound();
        try {
            access.requireRead(user, file.channelId());
        } catch (RelaisException e) {
            throw notFound();
        }
        return file;
    }

    /** The file by id for a request already authorised another way (a signed link). */
    public StoredFile require(String fileId) {
        return store.find(fileId).orElseThrow(Attachments::notFound);
    }

    public InputStream open(StoredFile file) {
        return store.open(file.id());
    }

    /**
     * Ties files to the channel of the message that sends them. Only the uploader may send a file, and a
     * file sent to one channel cannot be sent to another (sending it again in the same channel is fine,
     * so a resent message stays idempotent).
     */
    public List<StoredFile> claim(User author, String channelId, List<String> fileIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(fileIds));
        if (ids.size() > limits.maxPerMessage()) {
            throw RelaisException.invalid("At most " + limits.maxPerMessage() + " attachments per message");
        }
        List<StoredFile> claimed = new ArrayList<>();
        for (String id : ids) {
            StoredFile file = store.find(id).filter(f -> f.uploaderId().equals(author.id()))
                    .orElseThrow(() -> RelaisException.invalid("Unknown attachment: " + id + " (upload it first)"));
            if (!store.claim(id, channelId)) {
                throw RelaisException.invalid("This attachment was already sent in another channel: upload it again");
            }
            claimed.add(file);
        }
        return claimed;
    }

    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) base = "fichier";
        return base.length() > MAX_NAME_CHARS ? base.substring(base.length() - MAX_NAME_CHARS) : base;
    }

    private static RelaisException tooLarge(FileType type, long max) {
        return new RelaisException(ErrorCode.FRAME_TOO_LARGE,
                "The file is larger than " + (max / (1024 * 1024)) + " MB, the limit for " + type.mimeType());
    }

    private static RelaisException notFound() {
        return new RelaisException(ErrorCode.NOT_FOUND, "No such file");
    }

    /** Fails the read (and so the store's upload, which then removes what it wrote) past the limit. */
    private static final class SizeLimitedStream extends FilterInputStream {
        private final long max;
        private long count;
        volatile boolean exceeded;

        SizeLimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new IOException("upload larger than " + max + " bytes");
            }
        }
    }
}
