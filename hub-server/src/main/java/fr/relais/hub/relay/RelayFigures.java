package fr.relais.hub.relay;

import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reach and engagement of a relayed item, per target federation — also the live consigne board:
 * delivered (its message is in the channel), readers (people whose read marker is at or past it),
 * reactions, replies in its thread, the consigne's acknowledgement and the escalation steps taken.
 * A handful of queries whatever the number of federations (messages by ids, markers by channels).
 */
@Service
public class RelayFigures {
    private final RelayStore store;
    private final RelayWorkflow workflow;
    private final MessageStore messages;
    private final FederationCatalog federations;

    RelayFigures(RelayStore store, RelayWorkflow workflow, MessageStore messages, FederationCatalog federations) {
        this.store = store;
        this.workflow = workflow;
        this.messages = messages;
        this.federations = federations;
    }

    public Map<String, Object> of(User user, String itemId) {
        RelayItem item = workflow.find(user, itemId);
        Map<String, Delivery> deliveries = store.deliveries(itemId).stream().collect(Collectors.toMap(Delivery::channelId, Function.identity()));
        Map<String, Ack> acks = store.acks(itemId).stream().collect(Collectors.toMap(Ack::federation, Function.identity()));
        Map<String, List<String>> steps = store.escalations(itemId);
        Map<String, Message> posted = messages.findByIds(deliveries.values().stream().map(Delivery::messageId).toList());
        Map<String, Integer> readers = store.readersAtLeast(deliveries.values().stream()
                .collect(Collectors.toMap(Delivery::channelId, Delivery::seq)));
        Map<String, Federation> byChannel = federations.all().stream().collect(Collectors.toMap(Federation::channelId, Function.identity()));
        int totalReaders = 0, totalReactions = 0, totalReplies = 0, acked = 0, relayed = 0;
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String channelId : item.channelIds()) {
            Federation f = byChannel.get(channelId);
            Delivery d = deliveries.get(channelId);
            Message m = d == null ? null : posted.get(d.messageId());
            Ack ack = f == null ? null : acks.get(f.code());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("federation", f == null ? channelId : f.code());
            row.put("name", f == null ? channelId : f.name());
            row.put("channelId", channelId);
            row.put("delivered", d != null);
            if (d != null) {
                row.put("messageId", d.messageId());
                row.put("deliveredAt", d.at().toString());
            }
            int r = readers.getOrDefault(channelId, 0);
            int reactions = m == null ? 0 : m.reactions().values().stream().mapToInt(List::size).sum();
            int replies = m == null ? 0 : m.replyCount();
            row.put("readers", r);
            row.put("reactions", reactions);
            row.put("replies", replies);
            if (ack != null) {
                row.put("ack", ack.state().name());
                row.put("ackedBy", ack.byUsername());
                row.put("ackedAt", ack.at().toString());
            }
            List<String> taken = f == null ? List.of() : steps.getOrDefault(f.code(), List.of());
            row.put("escalation", taken.isEmpty() ? "none" : RelaySweep.STEPS.stream().filter(taken::contains).reduce((a, b) -> b).orElse("none"));
            rows.add(row);
            totalReaders += r;
            totalReactions += reactions;
            totalReplies += replies;
            if (ack != null) acked++;
            if (ack != null && ack.state() == RelayItem.AckState.RELAYED) relayed++;
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("federations", item.channelIds().size());
        totals.put("delivered", deliveries.size());
        totals.put("readers", totalReaders);
        totals.put("reactions", totalReactions);
        totals.put("replies", totalReplies);
        totals.put("acknowledged", acked);
        totals.put("relayed", relayed);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("item", RelayViews.item(item));
        result.put("totals", totals);
        result.put("federations", rows);
        return result;
    }
}
