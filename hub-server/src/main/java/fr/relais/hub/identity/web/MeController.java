package fr.relais.hub.identity.web;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.AuthSessions;
import fr.relais.hub.identity.TwoFactor;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.security.RateLimits;
import fr.relais.hub.infra.security.UserAuthentication;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own security: their active sessions (and revoking them), personal access tokens for
 * scripts (created, listed, revoked; the token is shown once), TOTP two-factor, password change.
 * Revoking a session or token closes the live connections opened with it within a second.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {
    private static final Duration MAX_TOKEN_TTL = Duration.ofDays(366);

    private final AuthSessions sessions;
    private final TwoFactor twoFactor;
    private final UserDirectory users;
    private final RateLimits limits;
    private final AuditLog audit;

    MeController(AuthSessions sessions, TwoFactor twoFactor, UserDirectory users, RateLimits limits, AuditLog audit) {
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.users = users;
        this.limits = limits;
        this.audit = audit;
    }

    record SessionResponse(String id, String kind, String name, String createdAt, String expiresAt, String lastUsedAt,
                           boolean current) {
        static SessionResponse of(AuthSession s, String currentId) {
            return new SessionResponse(s.id(), s.kind().name(), s.name(), s.createdAt().toString(),
                    s.expiresAt() == null ? null : s.expiresAt().toString(),
                    s.lastUsedAt() == null ? null : s.lastUsedAt().toString(), s.id().equals(currentId));
        }
    }

    @GetMapping("/sessions")
    List<SessionResponse> sessions(@AuthenticationPrincipal User me) {
        String current = currentSessionId();
        return sessions.activeOf(me.id()).stream().filter(s -> s.kind() != AuthSession.Kind.PERSONAL_TOKEN)
                .map(s -> SessionResponse.of(s, current)).toList();
    }

    /** Revokes one of the caller's sessions ({@code current} for the one making the call). */
    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> revokeSession(@AuthenticationPrincipal User me, @PathVariable String id) {
        String sessionId = "current".equals(id) ? currentSessionId() : id;
        if (sessionId == null) throw RelaisException.invalid("This credential has no hub session to revoke");
        AuthSession revoked = sessions.revoke(me.id(), sessionId);
        audit.record(revoked.kind() == AuthSession.Kind.PERSONAL_TOKEN ? AuditLog.TOKEN_REVOKED : AuditLog.SESSION_REVOKED,
                me.id(), revoked.id(), "kind", revoked.kind().name());
        return ResponseEntity.noContent().build();
    }

    record CreateTokenRequest(String name, Integer expiresInDays) {
    }

    record CreatedTokenResponse(String id, String name, String token, String createdAt, String expiresAt) {
    }

    /** Creates a personal access token; its value is in this response only (the hub keeps a digest). */
    @PostMapping("/tokens")
    ResponseEntity<?> createToken(@AuthenticationPrincipal User me, @RequestBody CreateTokenRequest body) {
        OptionalLong wait = limits.tryCreateToken(me.id());
        if (wait.isPresent()) return AuthController.tooMany(wait.getAsLong(), "Too many tokens created; wait before creating more");
        Duration ttl = body.expiresInDays() == null ? Duration.ofDays(90) : Duration.ofDays(body.expiresInDays());
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw RelaisException.invalid("expiresInDays must be 1 to 366");
        }
        AuthSessions.NewPersonalToken created = sessions.createPersonalToken(me, body.name(), ttl);
        AuthSession s = created.session();
        audit.record(AuditLog.TOKEN_CREATED, me.id(), s.id(), "name", s.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedTokenResponse(s.id(), s.name(), created.token(),
                s.createdAt().toString(), s.expiresAt() == null ? null : s.expiresAt().toString()));
    }

    @GetMapping("/tokens")
    List<SessionResponse> tokens(@AuthenticationPrincipal User me) {
        String current = currentSessionId();
        return sessions.activeOf(me.id()).stream().filter(s -> s.kind() == AuthSession.Kind.PERSONAL_TOKEN)
                .map(s -> SessionResponse.of(s, current)).toList();
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal User me, @PathVariable String id) {
        AuthSession revoked = sessions.revoke(me.id(), id);
        audit.record(AuditLog.TOKEN_REVOKED, me.id(), revoked.id(), "name", revoked.name());
        return ResponseEntity.noContent().build();
    }

    record TotpState(boolean enabled) {
    }

    /** Whether two-factor is on, so a settings screen offers to turn it on or off. */
    @GetMapping("/totp")
    TotpState totpState(@AuthenticationPrincipal User me) {
        return new TotpState(twoFactor.isEnabled(me));
    }

    @PostMapping("/totp")
    TwoFactor.Enrolment beginTotp(@AuthenticationPrincipal User me) {
        return twoFactor.begin(me);
    }

    record CodeRequest(String code) {
    }

    @PostMapping("/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@AuthenticationPrincipal User me, @RequestBody CodeRequest body) {
        twoFactor.confirm(me, body.code());
        audit.record(AuditLog.TOTP_ENABLED, me.id(), me.id());
    }

    @DeleteMapping("/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableTotp(@AuthenticationPrincipal User me, @RequestBody CodeRequest body) {
        twoFactor.disable(me, body.code());
        audit.record(AuditLog.TOTP_DISABLED, me.id(), me.id());
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    /** Changes the caller's password; every session (including this one) ends. */
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal User me, @RequestBody PasswordRequest body) {
        if (!users.passwordMatches(me, body.currentPassword())) throw RelaisException.forbidden("The current password is wrong");
        users.setPassword(me.id(), body.newPassword());
        audit.record(AuditLog.PASSWORD_CHANGED, me.id(), me.id(), "method", "self");
    }

    private static String currentSessionId() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof UserAuthentication u ? u.sessionId() : null;
    }
}
