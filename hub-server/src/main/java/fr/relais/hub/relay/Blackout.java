package fr.relais.hub.relay;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A period during which scheduled relays and bots' posts in shared channels are held. */
public record Blackout(String id, Instant from, Instant to, String reason, @Nullable String createdBy) {
    public boolean activeAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }
}
