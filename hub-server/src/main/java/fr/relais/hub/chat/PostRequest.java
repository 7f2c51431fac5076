package fr.relais.hub.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message someone wants to post.
 *
 * @param clientMessageId the sender's idempotency key: sending the same one again never creates a second message
 * @param threadId        the id of the top-level message this replies to, or null
 */
public record PostRequest(String text, @Nullable String clientMessageId, @Nullable String threadId) {
}
