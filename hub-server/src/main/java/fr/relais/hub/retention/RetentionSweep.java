package fr.relais.hub.retention;

import fr.relais.hub.audit.AuditStore;
import fr.relais.hub.identity.AuthSessionStore;
import fr.relais.hub.identity.OneTimeTokenStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes identity and security data past its retention ({@link RetentionProperties}), every
 * {@code relais.retention.sweep-every} on every node. Each kind is one {@code deleteMany} bounded by a date
 * computed from the hub's clock: it only ever removes records that ended before the bound, so running it
 * on several nodes at once, or twice, deletes the same records once and nothing else — no cluster-wide
 * claim is needed. Nothing still valid can match: a session or link that has not expired, been revoked or
 * been used has no date before the bound.
 *
 * <p>Counted in {@code relais.retention.purged{kind}}; a sweep that deleted something logs the counts.
 */
@Component
public class RetentionSweep {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** What one sweep deleted. */
    public record Report(long authSessions, long oneTimeTokens, long auditEntries) {
        public long total() {
            return authSessions + oneTimeTokens + auditEntries;
        }
    }

    private final AuthSessionStore sessions;
    private final OneTimeTokenStore oneTimeTokens;
    private final AuditStore audit;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Counter sessionsPurged;
    private final Counter oneTimeTokensPurged;
    private final Counter auditPurged;

    RetentionSweep(AuthSessionStore sessions, OneTimeTokenStore oneTimeTokens, AuditStore audit,
                   RetentionProperties properties, Clock clock, MeterRegistry registry) {
        this.sessions = sessions;
        this.oneTimeTokens = oneTimeTokens;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.sessionsPurged = purged(registry, "auth_sessions");
        this.oneTimeTokensPurged = purged(registry, "one_time_tokens");
        this.auditPurged = purged(registry, "audit_log");
    }

    @Scheduled(fixedDelayString = "${relais.retention.sweep-every:PT1H}", initialDelayString = "${relais.retention.sweep-every:PT1H}")
    void scheduled() {
        sweep();
    }

    /** One pass at the hub clock's current time. A kind that fails is logged and does not stop the others. */
    public Report sweep() {
        Instant now = clock.instant();
        Report report = new Report(
                purge("auth_sessions", sessionsPurged, () -> sessions.deleteEndedBefore(now.minus(properties.authSessionsAfterExpiry()))),
                purge("one_time_tokens", oneTimeTokensPurged,
                        () -> oneTimeTokens.deleteEndedBefore(now.minus(properties.oneTimeTokensAfterExpiry()))),
                purge("audit_log", auditPurged, () -> audit.deleteBefore(now.minus(properties.auditLog()))));
        if (report.total() > 0) {
            log.info("Retention: deleted {} ended sessions or tokens, {} used or expired links, {} audit entries",
                    report.authSessions(), report.oneTimeTokens(), report.auditEntries());
        }
        return report;
    }

    private static long purge(String kind, Counter counter, LongSupplier delete) {
        try {
            long deleted = delete.getAsLong();
            counter.increment(deleted);
            return deleted;
        } catch (RuntimeException e) {
            log.error("Retention: could not delete old {}; next attempt at the next sweep", kind, e);
            return 0;
        }
    }

    private static Counter purged(MeterRegistry registry, String kind) {
        return Counter.builder("relais.retention.purged").tag("kind", kind)
                .description("Records deleted because their retention period was over").register(registry);
    }
}
