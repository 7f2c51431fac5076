package fr.relais.hub.infra.stomp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transport limits ({@code relais.limits.*}).
 *
 * @param maxFrameBytes       largest STOMP frame a client may send; larger ones get an ERROR frame and the connection closes
 * @param sendsPerSecond      sustained SEND frames per connection; beyond, frames are refused with {@code rate_limited}
 * @param sendsBurst          SEND frames a connection may send at once before the sustained rate applies
 * @param outboundBufferBytes data buffered for one slow client before it is disconnected
 * @param outboundTimeLimitMs longest time a send to one client may block before it is disconnected
 * @param botSendsPerSecond   sustained SEND frames per bot connection (bots have their own limit)
 * @param botSendsBurst       burst for bot connections
 */
@ConfigurationProperties("relais.limits")
public record StompLimits(int maxFrameBytes, int sendsPerSecond, int sendsBurst, int outboundBufferBytes,
                          int outboundTimeLimitMs, int botSendsPerSecond, int botSendsBurst) {
    public StompLimits {
        if (maxFrameBytes <= 0) maxFrameBytes = 64 * 1024;
        if (sendsPerSecond <= 0) sendsPerSecond = 10;
        if (sendsBurst <= 0) sendsBurst = 30;
        if (outboundBufferBytes <= 0) outboundBufferBytes = 1024 * 1024;
        if (outboundTimeLimitMs <= 0) outboundTimeLimitMs = 10_000;
        if (botSendsPerSecond <= 0) botSendsPerSecond = 50;
        if (botSendsBurst <= 0) botSendsBurst = 200;
    }
}
