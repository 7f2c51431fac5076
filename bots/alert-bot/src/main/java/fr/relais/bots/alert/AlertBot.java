package fr.relais.bots.alert;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.relais.sdk.bot.HubException;
import fr.relais.sdk.bot.HubRest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches RSS/Atom feeds (parsed with Rome) and posts each new item to the feed's channels, once.
 *
 * <p>"Once, across restarts" without local state: each post's clientMessageId is derived from the feed
 * URL and the item's id (guid, else link, else title), and the hub never stores a clientMessageId twice
 * for the same author. A restarted bot re-sends what is still in the feed and the hub answers with the
 * messages already stored. In the process a set of sent keys spares those round trips.
 *
 * <p>Levels: {@code info} plain, {@code important} flagged, {@code urgent} flagged with {@code @channel}
 * so every member of the channel is notified. During a blackout window the hub answers
 * {@code blackout_active}: the item is kept and sent at a later poll.
 */
public final class AlertBot {
    private static final System.Logger log = System.getLogger(AlertBot.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final HubRest hub;
    private final List<FeedConfig> feeds;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    public AlertBot(HubRest hub, List<FeedConfig> feeds) {
        this.hub = hub;
        this.feeds = List.copyOf(feeds);
    }

    /** Reads every feed once and posts what is new; returns the number of messages sent to the hub. */
    public synchronized int pollOnce() {
        int posted = 0;
        for (FeedConfig feed : feeds) {
            List<SyndEntry> entries;
            try {
                entries = fetch(feed.url());
            } catch (IOException | FeedException e) {
                log.log(System.Logger.Level.WARNING, "Feed " + feed.url() + " unreadable: " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return posted;
            }
            entries.sort(Comparator.comparing(AlertBot::date)); // oldest first, so the channel reads in order
            for (SyndEntry entry : entries) {
                for (String channelId : feed.channelIds()) {
                    String clientMessageId = clientMessageId(feed.url(), key(entry), channelId);
                    if (sent.contains(clientMessageId)) continue;
                    try {
                        hub.post("/api/v1/channels/" + HubRest.encode(channelId) + "/messages",
                                Map.of("text", render(entry, feed.level()), "clientMessageId", clientMessageId));
                        sent.add(clientMessageId);
                        posted++;
                    } catch (HubException e) {
                        if ("blackout_active".equals(e.code())) {
                            log.log(System.Logger.Level.INFO, "Blackout: holding feed items until it ends");
                            return posted;
                        }
                        log.log(System.Logger.Level.WARNING, "Could not post to " + channelId + ": " + e.getMessage());
                    }
                }
            }
        }
        return posted;
    }

    private static List<SyndEntry> fetch(URI url) throws IOException, FeedException, InterruptedException {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("User-Agent", "Relais-AlertBot/1").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) throw new IOException("HTTP " + response.statusCode());
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(in));
            return new ArrayList<>(feed.getEntries());
        }
    }

    static String key(SyndEntry e) {
        if (e.getUri() != null && !e.getUri().isBlank()) return e.getUri();
        if (e.getLink() != null && !e.getLink().isBlank()) return e.getLink();
        return String.valueOf(e.getTitle());
    }

    private static Date date(SyndEntry e) {
        Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        return d == null ? new Date(0) : d;
    }

    /** {@code alert-} and 40 hex digits of SHA-256(feed URL, item key, channel): stable across restarts. */
    static String clientMessageId(URI feed, String itemKey, String channelId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((feed + "\n" + itemKey + "\n" + channelId).getBytes(StandardCharsets.UTF_8));
            return "alert-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(SyndEntry e, FeedConfig.Level level) {
        StringBuilder s = new StringBuilder();
        switch (level) {
            case URGENT -> s.append("🚨 **URGENT** @channel\n");
            case IMPORTANT -> s.append("⚠️ **Important**\n");
            case INFO -> s.append("📰 ");
        }
        s.append("**").append(clean(e.getTitle(), 200).replace("*", "\\*")).append("**\n");
        if (e.getDescription() != null) {
            String summary = clean(e.getDescription().getValue(), 600);
            if (!summary.isEmpty()) s.append(summary).append('\n');
        }
        if (e.getLink() != null && e.getLink().matches("https?://[^\\s<>()]+")) s.append('<').append(e.getLink()).append(">\n");
        return s.toString().strip();
    }

    /** Feed text without markup (feeds carry HTML; the channel renders Markdown). */
    private static String clean(String html, int max) {
        if (html == null) return "";
        String text = html.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replace("&amp;", "&")
                .replace("&lt;", "‹").replace("&gt;", "›").replace("&quot;", "\"").replace("&#39;", "'")
                .replaceAll("\\s+", " ").strip();
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
