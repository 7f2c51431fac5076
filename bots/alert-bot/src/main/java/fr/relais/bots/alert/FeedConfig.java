package fr.relais.bots.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One watched feed: its URL, the channels its items go to, and their alert level.
 * Written {@code level|channel1,channel2|url}, several separated by spaces or new lines
 * ({@code ALERT_FEEDS="urgent|annonces-bot,fed-29|https://parti.example/communiques.xml"}).
 */
public record FeedConfig(URI url, List<String> channelIds, Level level) {
    public enum Level { INFO, IMPORTANT, URGENT }

    public static List<FeedConfig> parse(String spec) {
        List<FeedConfig> feeds = new ArrayList<>();
        for (String entry : spec.strip().split("\\s+")) {
            if (entry.isBlank()) continue;
            String[] parts = entry.split("\\|", 3);
            if (parts.length != 3) throw new IllegalArgumentException("expected level|channels|url, got " + entry);
            feeds.add(new FeedConfig(URI.create(parts[2]), List.of(parts[1].split(",")),
                    Level.valueOf(parts[0].toUpperCase(Locale.ROOT))));
        }
        return feeds;
    }
}
