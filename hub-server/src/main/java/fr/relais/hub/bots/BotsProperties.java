package fr.relais.hub.bots;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bot settings ({@code relais.bots}).
 *
 * @param secretKey              base64 AES key (16, 24 or 32 bytes) that encrypts webhook secrets at rest;
 *                               empty = generated once and kept in MongoDB ({@code bot_keys})
 * @param webhookMaxBytes        largest incoming webhook body
 * @param webhookSweepEvery      how often each node looks for outgoing deliveries to (re)try
 * @param webhookFirstRetry      wait before the first retry; doubled at each further attempt
 * @param webhookMaxBackoff      longest wait between two attempts
 * @param webhookMaxAttempts     attempts before a delivery is marked failed and the owner is told
 * @param webhookTimeout         connect and response timeout of one attempt
 */
@ConfigurationProperties("relais.bots")
public record BotsProperties(String secretKey, int webhookMaxBytes, Duration webhookSweepEvery,
                             Duration webhookFirstRetry, Duration webhookMaxBackoff, int webhookMaxAttempts,
                             Duration webhookTimeout) {
    public BotsProperties {
        if (secretKey == null) secretKey = "";
        if (webhookMaxBytes <= 0) webhookMaxBytes = 16 * 1024;
        if (webhookSweepEvery == null) webhookSweepEvery = Duration.ofSeconds(5);
        if (webhookFirstRetry == null) webhookFirstRetry = Duration.ofSeconds(30);
        if (webhookMaxBackoff == null) webhookMaxBackoff = Duration.ofHours(1);
        if (webhookMaxAttempts <= 0) webhookMaxAttempts = 8;
        if (webhookTimeout == null) webhookTimeout = Duration.ofSeconds(5);
    }

    /** Wait after the given failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = webhookFirstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(webhookMaxBackoff) > 0 ? webhookMaxBackoff : wait;
    }
}
