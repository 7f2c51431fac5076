package fr.relais.hub.bots;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One use of a slash command, stored before the bot hears of it (so a bot that was offline, or a hub that
 * restarted, loses nothing: the bot lists its pending invocations when it connects).
 *
 * @param clientCommandId the caller's idempotency key (the clientMessageId of the post it came from)
 * @param reply           the bot's answer once given
 */
public record CommandInvocation(String id, String command, String args, String botId, String channelId,
                                String callerId, String callerUsername, String clientCommandId, Status status,
                                Instant createdAt, @Nullable Reply reply) {
    public enum Status { PENDING, ANSWERED }

    public enum Visibility { CALLER, CHANNEL }

    /** @param messageId the message posted in the channel, for {@code CHANNEL} replies */
    public record Reply(String text, Visibility visibility, @Nullable String messageId, Instant at) {
    }
}
