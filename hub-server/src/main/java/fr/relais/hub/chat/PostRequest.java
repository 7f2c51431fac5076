package fr.relais.hub.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message someone wants to post.
 *
 * @param clientMessageId the sender's idempotency key: sending the same one again never creates a second message
 * @param threadId        the id of the top-level message this replies to, or null
 * @param attachmentIds   ids of files the author uploaded beforehand (may be empty; then the text must not be)
 */
public record PostRequest(String text, @Nullable String clientMessageId, @Nullable String threadId,
                          List<String> attachmentIds) {
    public PostRequest {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    public PostRequest(String text, @Nullable String clientMessageId, @Nullable String threadId) {
        this(text, clientMessageId, threadId, List.of());
    }
}
