package fr.relais.hub.relay;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Acknowledgements of consignes: a person of the federation (or national staff on its behalf, or the
 * relay bot for the caller of {@code /relais lu|relaye <id>}) says the federation has read or relayed
 * the item. {@code RELAYED} implies {@code READ}; an acknowledgement never goes back down.
 */
@Service
public class Consignes {
    private final RelayStore store;
    private final RelayWorkflow workflow;
    private final RelayTopic topic;
    private final Clock clock;

    Consignes(RelayStore store, RelayWorkflow workflow, RelayTopic topic, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.topic = topic;
        this.clock = clock;
    }

    public Ack acknowledge(User user, String itemId, @Nullable String federation, RelayItem.AckState state) {
        RelayItem item = workflow.require(itemId);
        if (item.consigne() == null) throw new RelaisException(ErrorCode.RELAY_INVALID_TRANSITION, "This item is not a consigne");
        if (item.status() != RelayItem.Status.DUE && item.status() != RelayItem.Status.POSTED) {
            throw new RelaisException(ErrorCode.RELAY_INVALID_TRANSITION, "The consigne has not been relayed yet");
        }
        String fed = federation == null || federation.isBlank() ? user.federation() : federation.strip().toUpperCase(java.util.Locale.ROOT);
        if (fed == null) throw RelaisException.invalid("federation is required");
        if (!user.isStaff() && !user.belongsTo(fed)) throw RelaisException.forbidden("Only people of federation " + fed + " acknowledge for it");
        String channelId = "fed-" + fed.toLowerCase(java.util.Locale.ROOT);
        if (!item.channelIds().contains(channelId)) throw RelaisException.invalid("This consigne does not go to federation " + fed);
        Optional<Ack> existing = store.acks(itemId).stream().filter(a -> a.federation().equals(fed)).findFirst();
        if (existing.isPresent() && existing.get().state().satisfies(state)) return existing.get();
        Ack ack = new Ack(itemId, fed, state, user.id(), user.username(), clock.instant());
        store.saveAck(ack);
        topic.publish("consigne.acked", "itemId", itemId, "federation", fed, "state", state.name(), "by", user.username());
        return ack;
    }
}
