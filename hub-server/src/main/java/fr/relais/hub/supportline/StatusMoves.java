package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of a status change, pure: pauses or resumes the handling-time clock, stamps
 * resolution and closing, tracks whose side the ball is on, and records the transition.
 */
final class StatusMoves {
    static void move(Ticket.Change c, TicketStatus next, @Nullable UserRef actor, Instant now) {
        TicketStatus previous = c.status;
        if (previous == next) return;
        if (next == TicketStatus.RESOLVED) {
            c.resolvedAt = now;
            c.resolutionMillis = c.sla.elapsed(c.createdAt(), now).toMillis();
        }
        if (previous.timersRun() && !next.timersRun()) c.sla = c.sla.pause(now);
        if (!previous.timersRun() && next.timersRun()) c.sla = c.sla.resume(now);
        switch (next) {
            case NEW, OPEN -> {
                if (c.waitingSince == null) c.waitingSince = now;
            }
            case WAITING_ON_REQUESTER, RESOLVED, CLOSED -> c.waitingSince = null;
        }
        if (next == TicketStatus.CLOSED) c.closedAt = now;
        c.status = next;
        c.updatedAt = now;
        c.history.add(new Transition(now, actor, "status", previous.wireName(), next.wireName(), false));
    }

    private StatusMoves() {
    }
}
