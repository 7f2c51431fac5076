package fr.relais.hub.relay;

import fr.relais.hub.bots.Bot;
import fr.relais.hub.bots.BotAccounts;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What a relay bot posts, and the record of what it posted. A run is a DUE item: one message per target
 * federation channel, each with the deterministic clientMessageId {@code relay-<itemId>-<channelId>}, so
 * a bot that restarts mid-run posts the same ids again and the hub stores nothing twice. The bot reports
 * each post; the hub checks the message (channel, author, clientMessageId) before recording it, and the
 * item becomes POSTED when every channel has its message.
 */
@Service
public class RelayRuns {
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH);

    private final RelayStore store;
    private final RelayWorkflow workflow;
    private final BotAccounts bots;
    private final MessageStore messages;
    private final FederationCatalog federations;
    private final RelayTopic topic;
    private final RelayProperties properties;
    private final Clock clock;

    RelayRuns(RelayStore store, RelayWorkflow workflow, BotAccounts bots, MessageStore messages, FederationCatalog federations,
              RelayTopic topic, RelayProperties properties, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.bots = bots;
        this.messages = messages;
        this.federations = federations;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    public static String clientMessageId(String itemId, String channelId) {
        return "relay-" + itemId + "-" + channelId;
    }

    /** The DUE items with the channels still to post in. */
    public List<Map<String, Object>> due(User botUser) {
        requireRelayBot(botUser);
        return store.findByStatus(Set.of(RelayItem.Status.DUE), 100).stream().map(item -> {
            Set<String> done = store.deliveries(item.id()).stream().map(Delivery::channelId).collect(Collectors.toSet());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("itemId", item.id());
            run.put("text", messageText(item));
            run.put("channels", item.channelIds().stream().filter(c -> !done.contains(c)).map(c -> Map.of(
                    "channelId", c, "federation", federationOf(c), "clientMessageId", clientMessageId(item.id(), c))).toList());
            run.put("delivered", done.size());
            run.put("total", item.channelIds().size());
            return run;
        }).toList();
    }

    /** Records the item's message in one channel, after checking it; returns {delivered, total, status}. */
    public Map<String, Object> report(User botUser, String itemId, String channelId, String messageId) {
        Bot bot = requireRelayBot(botUser);
        RelayItem item = workflow.require(itemId);
        if (item.status() != RelayItem.Status.DUE && item.status() != RelayItem.Status.POSTED) {
            throw new RelaisException(ErrorCode.RELAY_INVALID_TRANSITION, "The item is not being relayed (" + item.status() + ")");
        }
        if (!item.channelIds().contains(channelId)) throw RelaisException.invalid("This item does not go to " + channelId);
        Message m = messages.findById(messageId).orElseThrow(() -> new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
        if (!m.channelId().equals(channelId) || !m.author().id().equals(bot.id())
                || !m.clientMessageId().equals(clientMessageId(itemId, channelId))) {
            throw RelaisException.invalid("This message is not the relay of this item in this channel");
        }
        if (store.insertDelivery(new Delivery(itemId, channelId, federationOf(channelId), m.id(), m.seq(), bot.id(), clock.instant()))) {
            int delivered = store.deliveries(itemId).size();
            topic.publish("relay.delivered", "itemId", itemId, "federation", federationOf(channelId), "channelId", channelId,
                    "delivered", delivered, "total", item.channelIds().size());
        }
        int delivered = store.deliveries(itemId).size();
        RelayItem current = item;
        if (delivered >= item.channelIds().size() && item.status() == RelayItem.Status.DUE) {
            current = workflow.change(itemId, i -> i.status() != RelayItem.Status.DUE ? i
                    : i.next(RelayItem.Status.POSTED, new RelayItem.Entry(clock.instant(), bot.id(), bot.username(), "posted",
                    delivered + " channels"), clock.instant()));
        }
        return Map.of("delivered", delivered, "total", item.channelIds().size(), "status", current.status().name());
    }

    String messageText(RelayItem item) {
        StringBuilder s = new StringBuilder("📣 **Relais national**\n\n").append(item.text()).append('\n');
        for (String v : item.visuals()) s.append("\n![](").append(v).append(')');
        for (String l : item.links()) s.append("\n<").append(l).append('>');
        if (item.consigne() != null) {
            ZonedDateTime deadline = item.consigne().deadline().atZone(properties.timeZone());
            String verb = item.consigne().requires() == RelayItem.AckState.RELAYED ? "relaye" : "lu";
            s.append("\n\n**Consigne** : merci d'accuser réception avant ").append(DEADLINE.format(deadline))
                    .append(" avec `/relais ").append(verb).append(' ').append(item.id()).append('`');
        }
        return s.toString().strip();
    }

    String federationOf(String channelId) {
        return federations.all().stream().filter(f -> f.channelId().equals(channelId)).map(Federation::code).findFirst().orElse(channelId);
    }

    private Bot requireRelayBot(User botUser) {
        Bot bot = bots.requireSelf(botUser);
        if (!bot.can(Bot.Capability.RELAY)) throw RelaisException.forbidden("This bot has no RELAY capability");
        return bot;
    }
}
