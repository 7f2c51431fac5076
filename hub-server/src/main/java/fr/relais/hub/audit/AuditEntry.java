package fr.relais.hub.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One security-relevant fact.
 *
 * @param type    what happened, e.g. {@code login.failed} (the list is in {@link AuditLog})
 * @param actorId who did it (null for anonymous attempts)
 * @param subject whom or what it concerns: a user id, a session id... (null when nobody)
 * @param details small strings: the username tried, the remote address, the channel, the roles...
 */
public record AuditEntry(String id, Instant at, String type, @Nullable String actorId, @Nullable String subject,
                         Map<String, String> details) {
    public AuditEntry {
        details = Map.copyOf(details);
    }
}
