package fr.relais.bots.alert;

import fr.relais.sdk.bot.HubRest;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar relais-alert-bot.jar}, configured by environment: {@code RELAIS_URL} (default
 * {@code http://localhost:8080}), {@code RELAIS_BOT_TOKEN} (required), {@code ALERT_FEEDS} (required,
 * see {@link FeedConfig}), {@code ALERT_POLL_SECONDS} (default 120).
 */
public final class AlertBotMain {
    private AlertBotMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv("RELAIS_BOT_TOKEN");
        String feeds = System.getenv("ALERT_FEEDS");
        if (token == null || token.isBlank() || feeds == null || feeds.isBlank()) {
            System.err.println("RELAIS_BOT_TOKEN and ALERT_FEEDS (level|channel,channel|url ...) are required");
            System.exit(2);
        }
        URI hub = URI.create(System.getenv().getOrDefault("RELAIS_URL", "http://localhost:8080"));
        long poll = Long.parseLong(System.getenv().getOrDefault("ALERT_POLL_SECONDS", "120"));
        AlertBot bot = new AlertBot(new HubRest(hub, token), FeedConfig.parse(feeds));
        Executors.newSingleThreadScheduledExecutor().scheduleWithFixedDelay(() -> {
            try {
                int n = bot.pollOnce();
                if (n > 0) System.out.println("Posted " + n + " alert(s)");
            } catch (RuntimeException e) {
                System.err.println("Alert poll failed: " + e);
            }
        }, 0, poll, TimeUnit.SECONDS);
        Thread.currentThread().join();
    }
}
