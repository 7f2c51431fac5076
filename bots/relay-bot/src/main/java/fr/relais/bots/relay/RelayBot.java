package fr.relais.bots.relay;

import fr.relais.sdk.bot.HubException;
import fr.relais.sdk.bot.HubRest;
import fr.relais.sdk.bot.Invocation;
import fr.relais.sdk.bot.RelaisBot;
import fr.relais.sdk.bot.Reply;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The content-relay bot. Commands: {@code /proposer <texte>} (a proposal for all federations, reviewed
 * by HQ) and {@code /relais lu|relaye <id>} (acknowledges a consigne for the caller's federation). Runs:
 * when the hub says an approved item is due ({@code relay.due}), on every (re)connect and every poll,
 * it posts the item in each channel still missing it — with the hub's deterministic clientMessageId, so a
 * restart mid-run never posts twice — and reports each post.
 */
public final class RelayBot implements AutoCloseable {
    private static final System.Logger log = System.getLogger(RelayBot.class.getName());
    private final RelaisBot bot;
    private final HubRest rest;

    public RelayBot(URI hub, String token) {
        this.bot = RelaisBot.builder(hub, token)
                .command("proposer", "Proposer un contenu à relayer dans les fédérations", this::propose)
                .command("relais", "Accuser réception d'une consigne : /relais lu|relaye <id>", this::acknowledge)
                .onPersonalEvent(e -> {
                    if ("relay.due".equals(e.path("type").asString(""))) runDue();
                })
                .build();
        this.rest = bot.rest();
        bot.onConnected(this::runDue);
    }

    public RelayBot start() {
        bot.start();
        return this;
    }

    public boolean connected() {
        return bot.connected();
    }

    Reply propose(Invocation inv) {
        if (inv.args().isBlank()) return Reply.toCaller("Usage : /proposer <texte du contenu à relayer>");
        try {
            JsonNode item = rest.post("/api/v1/relay/items", Map.of("invocationId", inv.id(), "text", inv.args()));
            return Reply.toCaller("Merci ! Proposition " + item.get("id").asString() + " enregistrée : elle sera relue avant diffusion.");
        } catch (HubException e) {
            return Reply.toCaller("Proposition refusée : " + e.getMessage());
        }
    }

    Reply acknowledge(Invocation inv) {
        String[] words = inv.args().strip().split("\\s+");
        if (words.length != 2 || !(words[0].equalsIgnoreCase("lu") || words[0].equalsIgnoreCase("relaye"))) {
            return Reply.toCaller("Usage : /relais lu <id> ou /relais relaye <id>");
        }
        String state = words[0].toLowerCase(Locale.ROOT).equals("lu") ? "READ" : "RELAYED";
        try {
            JsonNode ack = rest.post("/api/v1/relay/items/" + HubRest.encode(words[1]) + "/acks",
                    Map.of("invocationId", inv.id(), "state", state));
            return Reply.toCaller("C'est noté pour la fédération " + ack.get("federation").asString() + " : "
                    + ("READ".equals(ack.get("state").asString()) ? "lu" : "relayé") + ".");
        } catch (HubException e) {
            return Reply.toCaller("Accusé de réception refusé : " + e.getMessage());
        }
    }

    /** Posts every due item everywhere it is missing; returns the number of posts made. */
    public synchronized int runDue() {
        return runDue(Integer.MAX_VALUE);
    }

    /**
     * Same, stopping right after the {@code maxPosts}-th post, before reporting it — exactly what a bot
     * killed mid-run leaves behind (tests use it to check that the next run completes without duplicates).
     */
    public synchronized int runDue(int maxPosts) {
        int posts = 0;
        for (JsonNode run : rest.get("/api/v1/relay/runs")) {
            String itemId = run.get("itemId").asString();
            String text = run.get("text").asString();
            for (JsonNode channel : run.get("channels")) {
                String channelId = channel.get("channelId").asString();
                JsonNode message;
                try {
                    message = bot.post(channelId, text, channel.get("clientMessageId").asString());
                } catch (HubException e) {
                    if ("blackout_active".equals(e.code())) {
                        log.log(System.Logger.Level.INFO, "Blackout: holding the relay of " + itemId);
                        return posts;
                    }
                    log.log(System.Logger.Level.WARNING, "Could not relay " + itemId + " to " + channelId + ": " + e.getMessage());
                    continue;
                }
                if (++posts >= maxPosts) return posts;
                rest.post("/api/v1/relay/runs/" + HubRest.encode(itemId) + "/deliveries",
                        Map.of("channelId", channelId, "messageId", message.get("id").asString()));
            }
        }
        return posts;
    }

    @Override
    public void close() {
        bot.close();
    }
}
