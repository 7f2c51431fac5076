package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a ticket, once it is stored. Each carries the ticket as it is now, so a
 * client can apply the event without fetching. {@link #internal()} events are for staff only; the
 * publisher never sends them, nor any staff-only field, to the requester side.
 */
public sealed interface TicketEvent {
    Ticket ticket();

    /** Who did it; null when the hub did (timers, auto-close). */
    @Nullable UserRef actor();

    Instant at();

    /** True when only staff may learn about this event. */
    default boolean internal() {
        return false;
    }

    /** For internal events: whether what the requester side sees of the ticket changed too. */
    default boolean changesRequesterView() {
        return !internal();
    }

    record TicketOpened(Ticket ticket, UserRef actor, Instant at) implements TicketEvent {
    }

    record TicketClaimed(Ticket ticket, UserRef actor, Instant at) implements TicketEvent {
    }

    record TicketAssigned(Ticket ticket, UserRef actor, Instant at, @Nullable UserRef previous) implements TicketEvent {
    }

    /** Moved to another staff queue (which also clears the assignee). */
    record TicketTransferred(Ticket ticket, UserRef actor, Instant at, String fromQueue, boolean unassigned)
            implements TicketEvent {
        @Override
        public boolean internal() {
            return true;
        }

        @Override
        public boolean changesRequesterView() {
            return unassigned;
        }
    }

    record PriorityChanged(Ticket ticket, UserRef actor, Instant at, Priority previous) implements TicketEvent {
        @Override
        public boolean internal() {
            return true;
        }
    }

    record StatusChanged(Ticket ticket, @Nullable UserRef actor, Instant at, TicketStatus previous) implements TicketEvent {
    }

    record ReplyPosted(Ticket ticket, TicketPost post) implements TicketEvent {
        @Override
        public UserRef actor() {
            return post.author();
        }

        @Override
        public Instant at() {
            return post.createdAt();
        }
    }

    record NotePosted(Ticket ticket, TicketPost note) implements TicketEvent {
        @Override
        public UserRef actor() {
            return note.author();
        }

        @Override
        public Instant at() {
            return note.createdAt();
        }

        @Override
        public boolean internal() {
            return true;
        }
    }

    record TicketRated(Ticket ticket, UserRef actor, Instant at) implements TicketEvent {
    }

    /** A target is close: {@code warnRatio} of its time is used up. */
    record SlaAtRisk(Ticket ticket, Instant at, SlaTimer timer, Instant dueAt) implements TicketEvent {
        @Override
        public @Nullable UserRef actor() {
            return null;
        }

        @Override
        public boolean internal() {
            return true;
        }
    }

    record SlaBreached(Ticket ticket, Instant at, SlaTimer timer, Instant dueAt) implements TicketEvent {
        @Override
        public @Nullable UserRef actor() {
            return null;
        }

        @Override
        public boolean internal() {
            return true;
        }
    }
}
