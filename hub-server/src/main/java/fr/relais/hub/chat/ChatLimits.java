package fr.relais.hub.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Explicit, configurable limits of the chat ({@code relais.limits.*}, documented in docs/api.md).
 *
 * @param messageMaxChars     longest message text, in characters
 * @param maxBatch            most writes one channel commits at once (group commit)
 * @param maxPendingPerChannel writes queued for one channel before new ones are refused with {@code overloaded}
 * @param historyMaxPage      largest page of history or events returned by one call
 * @param writerThreads       threads committing batches (channels commit in parallel, each in order)
 */
@ConfigurationProperties("relais.limits")
public record ChatLimits(int messageMaxChars, int maxBatch, int maxPendingPerChannel, int historyMaxPage,
                         int writerThreads) {
    public ChatLimits {
        if (messageMaxChars <= 0) messageMaxChars = 4000;
        if (maxBatch <= 0) maxBatch = 256;
        if (maxPendingPerChannel <= 0) maxPendingPerChannel = 10_000;
        if (historyMaxPage <= 0) historyMaxPage = 200;
        if (writerThreads <= 0) writerThreads = 8;
    }
}
