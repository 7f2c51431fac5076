package fr.relais.hub.meetings;

import java.time.Instant;

/** A signed Jitsi JWT and when it stops being accepted. */
public record JitsiToken(String jwt, Instant expiresAt) {
}
