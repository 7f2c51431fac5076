package fr.relais.hub.supportline;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Applies a change to the latest version of a ticket: read, decide (the change function may refuse by
 * throwing), write with a compare-and-set on the version, publish the events. When someone else wrote
 * in between (another staff member, another hub node, the timer sweep), it re-reads and decides again
 * on the fresh state — which is how a second concurrent claim learns that the ticket is taken.
 */
@Component
class TicketUpdater {
    private static final int ATTEMPTS = 8;

    /** The next version of the ticket and what to tell about it; {@code ticket == null} means nothing to write. */
    record Outcome(Ticket ticket, List<TicketEvent> events) {
        static Outcome unchanged() {
            return new Outcome(null, List.of());
        }
    }

    private final TicketStore store;
    private final TicketEventPublisher publisher;

    TicketUpdater(TicketStore store, TicketEventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    Ticket update(String ticketId, Function<Ticket, Outcome> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Ticket current = store.findById(ticketId).orElseThrow(() -> TicketAccess.notFound(ticketId));
            Outcome outcome = change.apply(current);
            if (outcome.ticket() == null) return current;
            if (store.replace(outcome.ticket())) {
                publisher.publish(outcome.events());
                return outcome.ticket();
            }
            Thread.onSpinWait();
        }
        throw new RelaisException(ErrorCode.CONFLICT, "The ticket is changing too fast; try again");
    }
}
