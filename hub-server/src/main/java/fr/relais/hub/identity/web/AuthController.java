package fr.relais.hub.identity.web;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Invitations;
import fr.relais.hub.identity.OneTimeToken;
import fr.relais.hub.identity.TwoFactor;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.security.AccessTokens;
import fr.relais.hub.infra.security.RateLimits;
import fr.relais.hub.infra.security.SingleSignOn;
import fr.relais.hub.infra.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of identity: exchanging a username and password (and TOTP code) for a bearer token,
 * how to sign in with the party's provider, the CSRF token of a cookie session, accepting an invitation
 * and completing a password reset. Logins are throttled per address and per account (429 with Retry-After).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final UserDirectory users;
    private final AccessTokens tokens;
    private final TwoFactor twoFactor;
    private final Invitations invitations;
    private final RateLimits limits;
    private final SingleSignOn sso;
    private final AuditLog audit;

    AuthController(UserDirectory users, AccessTokens tokens, TwoFactor twoFactor, Invitations invitations, RateLimits limits,
                   SingleSignOn sso, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.invitations = invitations;
        this.limits = limits;
        this.sso = sso;
        this.audit = audit;
    }

    record TokenRequest(String username, String password, String totp) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String sessionId) {
    }

    @PostMapping("/token")
    ResponseEntity<?> token(@RequestBody TokenRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        OptionalLong wait = limits.tryLogin(address, request.username());
        if (wait.isPresent()) {
            audit.record(AuditLog.LOGIN_THROTTLED, null, null, "username", request.username(), "address", address);
            return tooMany(wait.getAsLong(), "Too many login attempts; wait before trying again");
        }
        Optional<User> user = users.authenticate(request.username(), request.password());
        if (user.isEmpty()) {
            limits.loginFailed(request.username());
            audit.record(AuditLog.LOGIN_FAILED, null, null, "username", request.username(), "address", address,
                    "reason", "bad_credentials");
            throw new RelaisException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password");
        }
        User u = user.get();
        if (twoFactor.isEnabled(u)) {
            if (request.totp() == null || request.totp().isBlank()) {
                throw new RelaisException(ErrorCode.TOTP_REQUIRED, "This account needs a two-factor code (totp)");
            }
            if (!twoFactor.verify(u, request.totp().strip())) {
                limits.loginFailed(request.username());
                audit.record(AuditLog.LOGIN_FAILED, null, u.id(), "username", u.username(), "address", address, "reason", "totp");
                throw new RelaisException(ErrorCode.BAD_CREDENTIALS, "Wrong two-factor code");
            }
        }
        limits.loginSucceeded(request.username());
        AccessTokens.IssuedToken issued = tokens.issue(u, http.getHeader("User-Agent"));
        audit.record(AuditLog.LOGIN_SUCCEEDED, u.id(), u.id(), "session", issued.sessionId(), "address", address, "method", "password");
        return ResponseEntity.ok(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds(), issued.sessionId()));
    }

    record Provider(String id, String name, String loginUrl) {
    }

    record ProvidersResponse(boolean localAccounts, List<Provider> providers) {
    }

    /** What the login page offers: local accounts, and the party's single sign-on when configured. */
    @GetMapping("/providers")
    ProvidersResponse providers() {
        return new ProvidersResponse(true, sso.enabled()
                ? List.of(new Provider(SingleSignOn.REGISTRATION_ID, sso.displayName(), "/oauth2/authorization/" + SingleSignOn.REGISTRATION_ID))
                : List.of());
    }

    record CsrfResponse(String headerName, String cookieName) {
    }

    /**
     * Makes sure the browser holds the {@code XSRF-TOKEN} cookie; a cookie-authenticated client echoes
     * that cookie's value in the {@code X-XSRF-TOKEN} header of every POST, PUT, PATCH and DELETE.
     */
    @GetMapping("/csrf")
    CsrfResponse csrf(CsrfToken token) {
        token.getToken(); // loads the token, which sets the cookie
        return new CsrfResponse(token.getHeaderName(), "XSRF-TOKEN");
    }

    record InvitationResponse(String federation, List<String> roles, String expiresAt) {
    }

    @GetMapping("/invitation")
    InvitationResponse invitation(@RequestParam String token) {
        OneTimeToken invitation = invitations.peek(token, OneTimeToken.Purpose.INVITATION);
        return new InvitationResponse(invitation.federation(), invitation.roles().stream().map(Enum::name).sorted().toList(),
                invitation.expiresAt().toString());
    }

    record AcceptRequest(String token, String username, String displayName, String password) {
    }

    /** Creates the invited person's account (single use); they then log in like everybody else. */
    @PostMapping("/invitation")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse accept(@RequestBody AcceptRequest request) {
        User user = invitations.accept(request.token(), request.username(), request.displayName(), request.password());
        audit.record(AuditLog.INVITATION_ACCEPTED, user.id(), user.id(), "federation", user.federation(),
                "roles", String.join(",", user.roles().stream().map(Enum::name).sorted().toList()));
        return UserResponse.of(user);
    }

    record ResetRequest(String token, String password) {
    }

    /** Completes an admin-issued password reset: sets the new password and ends every session of the account. */
    @PostMapping("/password-reset")
    ResponseEntity<Void> reset(@RequestBody ResetRequest request) {
        User user = invitations.completeReset(request.token(), request.password());
        audit.record(AuditLog.PASSWORD_CHANGED, user.id(), user.id(), "method", "reset_link");
        return ResponseEntity.noContent().build();
    }

    static ResponseEntity<?> tooMany(long retryAfterSeconds, String detail) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.problem(ErrorCode.RATE_LIMITED, detail));
    }
}
