package fr.relais.hub.files;

import java.io.InputStream;
import java.util.Optional;

/** Where file bytes and their description are kept (GridFS in {@code files.store}). */
public interface FileStore {
    /** Stores the bytes under a new id; {@code content} is read to its end. */
    StoredFile save(String name, String contentType, String uploaderId, InputStream content);

    Optional<StoredFile> find(String id);

    /** The bytes of a stored file. The caller closes the stream. */
    InputStream open(String id);

    /** Ties an unclaimed file to a channel; true if it is now tied to that channel (also when it already was). */
    boolean claim(String id, String channelId);

    void delete(String id);
}
