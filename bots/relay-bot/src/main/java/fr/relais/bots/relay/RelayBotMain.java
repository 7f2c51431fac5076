package fr.relais.bots.relay;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar relais-relay-bot.jar}, configured by environment: {@code RELAIS_URL} (default
 * {@code http://localhost:8080}), {@code RELAIS_BOT_TOKEN} (required: the token shown when the bot was
 * created, with capability RELAY and all federation channels), {@code RELAY_POLL_SECONDS} (default 60).
 */
public final class RelayBotMain {
    private RelayBotMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv("RELAIS_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("RELAIS_BOT_TOKEN is required (POST /api/v1/bots shows it once)");
            System.exit(2);
        }
        URI hub = URI.create(System.getenv().getOrDefault("RELAIS_URL", "http://localhost:8080"));
        long poll = Long.parseLong(System.getenv().getOrDefault("RELAY_POLL_SECONDS", "60"));
        RelayBot bot = new RelayBot(hub, token).start();
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close));
        var timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(() -> {
            try {
                bot.runDue();
            } catch (RuntimeException e) {
                System.err.println("Relay poll failed: " + e);
            }
        }, poll, poll, TimeUnit.SECONDS);
        Thread.currentThread().join();
    }
}
