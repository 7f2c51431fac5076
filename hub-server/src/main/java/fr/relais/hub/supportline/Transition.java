package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a ticket: who (null for the hub itself, e.g. auto-close), when, what, from
 * what to what. Kept inside the ticket document, written in the same write as the change.
 *
 * @param action   opened, claimed, assigned, transferred, priority, status, rated
 * @param internal true for changes only staff see (queue transfers, priority)
 */
public record Transition(Instant at, @Nullable UserRef actor, String action, @Nullable String from,
                         @Nullable String to, boolean internal) {
}
