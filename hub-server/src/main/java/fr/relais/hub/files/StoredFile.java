package fr.relais.hub.files;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A file in the file store.
 *
 * @param channelId the channel of the message it was sent with; null until a message claims it
 */
public record StoredFile(String id, String name, String contentType, long size, String uploaderId,
                         @Nullable String channelId, Instant createdAt) {
}
