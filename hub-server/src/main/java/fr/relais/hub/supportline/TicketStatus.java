package fr.relais.hub.supportline;

import java.util.Locale;
import java.util.Set;

/**
 * new → open → waiting on requester → resolved → closed. Response-time timers run in {@code NEW} and
 * {@code OPEN} only: they pause while the ticket waits on the requester or is resolved.
 */
public enum TicketStatus {
    NEW, OPEN, WAITING_ON_REQUESTER, RESOLVED, CLOSED;

    public static final Set<TicketStatus> ACTIVE = Set.of(NEW, OPEN, WAITING_ON_REQUESTER);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus parse(String value) {
        if (value == null) throw new IllegalArgumentException("status is required");
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether response-time timers run in this status. */
    public boolean timersRun() {
        return this == NEW || this == OPEN;
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** The moves staff may make by hand (replies and reopenings move the status too, see TicketWorkflow). */
    public boolean staffMayMoveTo(TicketStatus next) {
        return switch (this) {
            case NEW -> next == OPEN || next == WAITING_ON_REQUESTER || next == RESOLVED;
            case OPEN -> next == WAITING_ON_REQUESTER || next == RESOLVED;
            case WAITING_ON_REQUESTER -> next == OPEN || next == RESOLVED;
            case RESOLVED -> next == OPEN || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
