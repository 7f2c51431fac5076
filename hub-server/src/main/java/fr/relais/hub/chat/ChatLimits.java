package fr.relais.hub.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Explicit, configurable limits of the chat ({@code relais.limits.*}, documented in docs/api.md).
 *
 * @param messageMaxChars     longest message text, in characters
 * @param maxBatch            most writes committed at once, all channels together (group commit)
 * @param maxPendingPerChannel writes queued for one channel before new ones are refused with {@code overloaded}
 * @param historyMaxPage      largest page of history or events returned by one call
 * @param maxFanoutBacklog    frames waiting to be written to this node's subscribers beyond which new
 *                            writes are refused with {@code overloaded}: the store may keep up while
 *                            delivery cannot, and that queue must stay bounded (200,000 frames are
 *                            2–3 s of what two cores write, whatever the size of the rooms)
 * @param fanoutCoalesceBytes when a fan-out shard has fallen behind, the frames waiting for one socket
 *                            are written as one WebSocket message of at most this many bytes (one
 *                            socket write instead of one per frame); 0: always one frame per message
 * @param maxWriteWait        while the oldest write waiting for the writer has waited longer than this,
 *                            new writes are refused with {@code overloaded}, on every channel: past
 *                            capacity, a quick refusal the client can retry beats a receipt seconds later
 * @param commitInterval      while writes keep coming, the writer starts a batch at most this often, so
 *                            that more of them share one durability barrier; a write arriving after a
 *                            quiet moment is committed at once. Zero: commit back to back.
 */
@ConfigurationProperties("relais.limits")
public record ChatLimits(int messageMaxChars, int maxBatch, int maxPendingPerChannel, int historyMaxPage,
                         Duration commitInterval, Integer maxFanoutBacklog, Integer fanoutCoalesceBytes,
                         Duration maxWriteWait) {
    public ChatLimits {
        if (messageMaxChars <= 0) messageMaxChars = 4000;
        if (maxBatch <= 0) maxBatch = 256;
        if (maxPendingPerChannel <= 0) maxPendingPerChannel = 10_000;
        if (historyMaxPage <= 0) historyMaxPage = 200;
        if (maxFanoutBacklog == null || maxFanoutBacklog < 0) maxFanoutBacklog = 200_000;
        if (fanoutCoalesceBytes == null || fanoutCoalesceBytes < 0) fanoutCoalesceBytes = 16_384;
        if (maxWriteWait == null || maxWriteWait.isNegative() || maxWriteWait.isZero()) maxWriteWait = Duration.ofSeconds(1);
        if (commitInterval == null || commitInterval.isNegative()) commitInterval = Duration.ofMillis(2);
    }
}
