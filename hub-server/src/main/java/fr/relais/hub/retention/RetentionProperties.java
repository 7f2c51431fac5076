package fr.relais.hub.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention settings ({@code relais.retention}). Every period counts from the moment the record stopped
 * being usable (expiry, revocation, use), except the audit log's, which counts from the entry's time.
 *
 * @param authSessionsAfterExpiry  sessions and personal access tokens are kept this long after they expired
 *                                 or were revoked (the owner's and admins' record of what was open), default 30 days
 * @param oneTimeTokensAfterExpiry invitation and password-reset links, after use or expiry, default 30 days
 * @param auditLog                 security audit entries, default 365 days: the CNIL's guidance for security
 *                                 logs is six months to a year, and a year covers an investigation that starts
 *                                 late (a leak noticed months after the fact)
 * @param sweepEvery               how often each node deletes what is past its retention
 */
@ConfigurationProperties("relais.retention")
public record RetentionProperties(Duration authSessionsAfterExpiry, Duration oneTimeTokensAfterExpiry, Duration auditLog,
                                  Duration sweepEvery) {
    public RetentionProperties {
        authSessionsAfterExpiry = orDefault(authSessionsAfterExpiry, Duration.ofDays(30), "auth-sessions-after-expiry");
        oneTimeTokensAfterExpiry = orDefault(oneTimeTokensAfterExpiry, Duration.ofDays(30), "one-time-tokens-after-expiry");
        auditLog = orDefault(auditLog, Duration.ofDays(365), "audit-log");
        sweepEvery = orDefault(sweepEvery, Duration.ofHours(1), "sweep-every");
        if (sweepEvery.isZero()) throw new IllegalArgumentException("relais.retention.sweep-every must be positive");
    }

    private static Duration orDefault(Duration value, Duration fallback, String key) {
        if (value == null) return fallback;
        if (value.isNegative()) throw new IllegalArgumentException("relais.retention." + key + " must not be negative");
        return value;
    }
}
