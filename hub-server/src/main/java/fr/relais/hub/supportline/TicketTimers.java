package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timer sweep: sends response-time alerts to the queue (before the target, at
 * {@code warn-ratio}, and at breach) and closes resolved tickets after {@code auto-close-after}.
 *
 * <p>Runs on every hub node. Each alert and each auto-close is a compare-and-set on the ticket's version
 * in MongoDB, so when two nodes sweep at once exactly one write lands and the alert fires once; the
 * loser simply skips that ticket. Tests call {@link #sweep()} directly.
 */
@Component
public class TicketTimers {
    private static final Logger log = LoggerFactory.getLogger(TicketTimers.class);
    private static final int BATCH = 200;

    private final TicketStore store;
    private final SlaPolicy sla;
    private final TicketEventPublisher publisher;
    private final Clock clock;

    TicketTimers(TicketStore store, SlaPolicy sla, TicketEventPublisher publisher, Clock clock) {
        this.store = store;
        this.sla = sla;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record SweepResult(int alerts, int closed) {
    }

    @Scheduled(fixedDelayString = "${relais.support.sweep-interval:30s}", initialDelayString = "${relais.support.sweep-interval:30s}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("Support timer sweep failed; it will run again", e);
        }
    }

    public SweepResult sweep() {
        Instant now = Now.of(clock);
        int alerts = 0;
        for (Ticket t : store.dueForAlert(now, BATCH)) alerts += alert(t, now);
        int closed = 0;
        for (Ticket t : store.dueForAutoClose(now, BATCH)) closed += autoClose(t, now);
        return new SweepResult(alerts, closed);
    }

    private int alert(Ticket t, Instant now) {
        List<SlaPolicy.Alert> due = sla.dueAlerts(t, now);
        Ticket.Change c = t.change();
        c.sla = sla.fired(t.sla(), due);
        for (SlaPolicy.Alert a : due) {
            c.history.add(new Transition(now, null, a.breach() ? "sla_breached" : "sla_at_risk", null, a.timer().wireName(), true));
        }
        Ticket next = sla.finish(c);
        if (!store.replace(next)) return 0; // another node (or a user) wrote first; the next sweep looks again
        List<TicketEvent> events = new ArrayList<>();
        for (SlaPolicy.Alert a : due) {
            events.add(a.breach() ? new TicketEvent.SlaBreached(next, now, a.timer(), a.dueAt())
                    : new TicketEvent.SlaAtRisk(next, now, a.timer(), a.dueAt()));
        }
        publisher.publish(events);
        return events.size();
    }

    private int autoClose(Ticket t, Instant now) {
        if (t.status() != TicketStatus.RESOLVED) return 0;
        Ticket.Change c = t.change();
        StatusMoves.move(c, TicketStatus.CLOSED, (UserRef) null, now);
        Ticket next = sla.finish(c);
        if (!store.replace(next)) return 0;
        publisher.publish(List.of(new TicketEvent.StatusChanged(next, null, now, t.status())));
        return 1;
    }
}
