package fr.relais.hub.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Writes and reads the security audit log. Writing never fails the action it records: a store error is logged. */
@Service
public class AuditLog {
    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String LOGIN_THROTTLED = "login.throttled";
    public static final String SSO_LOGIN = "login.sso";
    public static final String LOGOUT = "logout";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String USER_CREATED = "user.created";
    public static final String USER_DEACTIVATED = "user.deactivated";
    public static final String ROLES_CHANGED = "user.roles_changed";
    public static final String PASSWORD_CHANGED = "user.password_changed";
    public static final String PASSWORD_RESET_ISSUED = "user.password_reset_issued";
    public static final String TOTP_ENABLED = "user.totp_enabled";
    public static final String TOTP_DISABLED = "user.totp_disabled";
    public static final String INVITATION_CREATED = "invitation.created";
    public static final String INVITATION_ACCEPTED = "invitation.accepted";
    public static final String MEMBER_EXCLUDED = "channel.member_excluded";
    public static final String EXCLUSION_LIFTED = "channel.exclusion_lifted";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param details alternating keys and values; null values are left out */
    public void record(String type, @Nullable String actorId, @Nullable String subject, String... details) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) map.put(details[i], details[i + 1]);
        }
        try {
            store.append(new AuditEntry(store.newId(), clock.instant(), type, actorId, subject, map));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry {} for {}", type, subject, e);
        }
    }

    public List<AuditEntry> find(@Nullable String type, @Nullable String userId, int limit) {
        return store.find(type, userId, Math.min(Math.max(limit, 1), 500));
    }
}
