package fr.relais.hub.retention;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.relais.hub.audit.AuditEntry;
import fr.relais.hub.audit.AuditStore;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.AuthSessionStore;
import fr.relais.hub.identity.OneTimeToken;
import fr.relais.hub.identity.OneTimeTokenStore;
import fr.relais.hub.identity.Role;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.MutableClock;
import fr.relais.hub.support.World;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The retention sweep with a clock the test moves: what ended longer ago than the retention is deleted,
 * what ended recently or is still valid stays, and a purged session's token stays refused. The sweep is
 * called directly (its schedule is an hour, so it never runs by itself here). Sessions are written with
 * real time while the sweep reads the hub's clock, so logins live long: moving the clock by weeks must not
 * make the test people's sessions look ended.
 */
@HubIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"relais.security.token-ttl=3650d", "relais.retention.auth-sessions-after-expiry=30d",
        "relais.retention.one-time-tokens-after-expiry=30d", "relais.retention.audit-log=365d"})
class RetentionSweepTest {
    private static final Duration DAY = Duration.ofDays(1);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionSweep sweep;
    @Autowired
    AuthSessionStore sessions;
    @Autowired
    OneTimeTokenStore oneTimeTokens;
    @Autowired
    AuditStore audit;
    @Autowired
    MongoDatabase database;
    @Autowired
    MeterRegistry registry;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void sessions_and_tokens_ended_longer_ago_than_the_retention_are_deleted_and_nothing_else() {
        Instant now = clock.instant();
        String expiredLongAgo = session(now.minus(DAY.multipliedBy(45)), now.minus(DAY.multipliedBy(31)));
        String expiredRecently = session(now.minus(DAY.multipliedBy(40)), now.minus(DAY.multipliedBy(29)));
        String valid = session(now.minus(DAY.multipliedBy(400)), now.plus(DAY));
        String tokenWithoutExpiry = session(now.minus(DAY.multipliedBy(400)), null);
        String revokedLongAgo = session(now.minus(DAY.multipliedBy(60)), now.plus(DAY.multipliedBy(300)));
        sessions.revoke(revokedLongAgo, now.minus(DAY.multipliedBy(31)));
        String revokedRecently = session(now.minus(DAY.multipliedBy(60)), null);
        sessions.revoke(revokedRecently, now.minus(DAY.multipliedBy(2)));
        double countedBefore = purgedCount("auth_sessions");

        RetentionSweep.Report report = sweep.sweep();

        assertThat(present("auth_sessions", expiredLongAgo)).isFalse();
        assertThat(present("auth_sessions", revokedLongAgo)).isFalse();
        assertThat(present("auth_sessions", expiredRecently)).as("kept 30 days after expiry").isTrue();
        assertThat(present("auth_sessions", revokedRecently)).as("kept 30 days after revocation").isTrue();
        assertThat(present("auth_sessions", valid)).isTrue();
        assertThat(present("auth_sessions", tokenWithoutExpiry)).isTrue();
        assertThat(report.authSessions()).isGreaterThanOrEqualTo(2);
        assertThat(purgedCount("auth_sessions") - countedBefore).isEqualTo(report.authSessions());
        assertThat(sweep.sweep().authSessions()).as("a second sweep finds nothing more").isZero();
    }

    @Test
    void a_purged_session_or_token_is_still_refused() {
        String username = "ephemere-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", world.token("admin"), Map.of("username", username, "displayName", "Éphémère",
                "password", World.PASSWORD, "federation", "29", "roles", List.of("MEMBER"))).status()).isEqualTo(201);
        JsonNode login = api.post("/api/v1/auth/token", null, Map.of("username", username, "password", World.PASSWORD)).json();
        String accessToken = login.get("accessToken").asString();
        String sessionId = login.get("sessionId").asString();
        JsonNode pat = api.post("/api/v1/me/tokens", accessToken, Map.of("name", "script")).json();
        String personalToken = pat.get("token").asString();
        String patId = pat.get("id").asString();
        String keeper = api.token(username, World.PASSWORD); // another session, left open

        assertThat(api.delete("/api/v1/me/tokens/" + patId, accessToken).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/me/sessions/" + sessionId, accessToken).status()).isEqualTo(204);
        clock.advance(DAY.multipliedBy(31));
        sweep.sweep();

        assertThat(present("auth_sessions", sessionId)).isFalse();
        assertThat(present("auth_sessions", patId)).isFalse();
        assertThat(api.get("/api/v1/me", accessToken).status()).as("access token of a purged session").isEqualTo(401);
        assertThat(api.get("/api/v1/me", personalToken).status()).as("purged personal access token").isEqualTo(401);
        assertThat(api.get("/api/v1/me", keeper).status()).as("a session still open").isEqualTo(200);
    }

    @Test
    void links_used_or_expired_longer_ago_than_the_retention_are_deleted_and_usable_ones_stay() {
        Instant now = clock.instant();
        String expiredLongAgo = link(now.minus(DAY.multipliedBy(40)), now.minus(DAY.multipliedBy(33)), null);
        String usedLongAgo = link(now.minus(DAY.multipliedBy(35)), now.minus(DAY.multipliedBy(28)), now.minus(DAY.multipliedBy(31)));
        String expiredRecently = link(now.minus(DAY.multipliedBy(12)), now.minus(DAY.multipliedBy(5)), null);
        String usedRecently = link(now.minus(DAY.multipliedBy(3)), now.plus(DAY.multipliedBy(4)), now.minus(DAY));
        String usable = link(now.minus(DAY), now.plus(DAY.multipliedBy(6)), null);

        RetentionSweep.Report report = sweep.sweep();

        assertThat(present("one_time_tokens", expiredLongAgo)).isFalse();
        assertThat(present("one_time_tokens", usedLongAgo)).isFalse();
        assertThat(present("one_time_tokens", expiredRecently)).isTrue();
        assertThat(present("one_time_tokens", usedRecently)).isTrue();
        assertThat(present("one_time_tokens", usable)).isTrue();
        assertThat(report.oneTimeTokens()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void audit_entries_older_than_the_retention_are_deleted_and_newer_ones_stay() {
        Instant now = clock.instant();
        String old = auditEntry(now.minus(DAY.multipliedBy(366)));
        String recent = auditEntry(now.minus(DAY.multipliedBy(364)));
        String today = auditEntry(now);
        double countedBefore = purgedCount("audit_log");

        RetentionSweep.Report report = sweep.sweep();

        assertThat(present("audit_log", old)).isFalse();
        assertThat(present("audit_log", recent)).isTrue();
        assertThat(present("audit_log", today)).isTrue();
        assertThat(report.auditEntries()).isGreaterThanOrEqualTo(1);
        assertThat(purgedCount("audit_log") - countedBefore).isEqualTo(report.auditEntries());
    }

    private String session(Instant createdAt, @Nullable Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        AuthSession.Kind kind = expiresAt == null ? AuthSession.Kind.PERSONAL_TOKEN : AuthSession.Kind.PASSWORD;
        sessions.insert(new AuthSession(id, "retention-user", kind, "test", createdAt, expiresAt, null, null),
                kind == AuthSession.Kind.PERSONAL_TOKEN ? UUID.randomUUID().toString() : null);
        return id;
    }

    private String link(Instant createdAt, Instant expiresAt, @Nullable Instant usedAt) {
        String id = UUID.randomUUID().toString();
        oneTimeTokens.insert(new OneTimeToken(id, OneTimeToken.Purpose.INVITATION, "retention-inviter", createdAt, expiresAt,
                null, "29", Set.of(Role.MEMBER), null), UUID.randomUUID().toString());
        if (usedAt != null) assertThat(oneTimeTokens.consume(id, usedAt)).isTrue();
        return id;
    }

    private String auditEntry(Instant at) {
        String id = audit.newId();
        audit.append(new AuditEntry(id, at, "login.failed", null, "retention-user", Map.of()));
        return id;
    }

    private boolean present(String collection, String id) {
        return database.getCollection(collection).countDocuments(eq("_id", id)) == 1;
    }

    private double purgedCount(String kind) {
        return registry.get("relais.retention.purged").tag("kind", kind).counter().count();
    }
}
