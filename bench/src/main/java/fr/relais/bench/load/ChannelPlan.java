package fr.relais.bench.load;

import java.net.URI;
import java.util.List;

/**
 * Who listens where, and where each message goes. Subscriber {@code i} listens to channel
 * {@code i % channels} on server {@code i % servers}; message number {@code k} goes to channel
 * {@code k % channels}. Both are fixed by the numbers alone, so a refusal quoting a message
 * number tells how many deliveries it cancels.
 */
public record ChannelPlan(List<String> channels, int subscribers, List<URI> subscriberUrls) {

    public ChannelPlan {
        if (channels.isEmpty() || subscriberUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one channel and one server");
        }
        channels = List.copyOf(channels);
        subscriberUrls = List.copyOf(subscriberUrls);
    }

    public int channelIndexOfSubscriber(int subscriber) {
        return subscriber % channels.size();
    }

    public String channelOfSubscriber(int subscriber) {
        return channels.get(channelIndexOfSubscriber(subscriber));
    }

    public URI urlOfSubscriber(int subscriber) {
        return subscriberUrls.get(subscriber % subscriberUrls.size());
    }

    public String channelOfMessage(long messageNumber) {
        return channels.get(Math.toIntExact(messageNumber % channels.size()));
    }

    /** Subscribers of the channel message {@code messageNumber} goes to: the deliveries it owes. */
    public int deliveriesOwed(long messageNumber) {
        int channel = Math.toIntExact(messageNumber % channels.size());
        int full = subscribers / channels.size();
        return channel < subscribers % channels.size() ? full + 1 : full;
    }
}
