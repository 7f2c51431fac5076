package fr.relais.hub.infra.security;

import fr.relais.hub.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenSecret        base64 HS256 key for the hub's access tokens; empty = generated once and kept in MongoDB
 * @param tokenTtl           lifetime of an access token from {@code POST /api/v1/auth/token}
 * @param allowedOrigins     origins allowed to open the WebSocket from a browser (Origin header check)
 * @param adminUsername      the national admin created on first start ({@code RELAIS_ADMIN_USERNAME})
 * @param adminPassword      its password ({@code RELAIS_ADMIN_PASSWORD}); empty = generated and logged once
 * @param browserSessionTtl  lifetime of a browser (single sign-on) session
 * @param invitationTtl      how long an invitation link stays valid
 * @param passwordResetTtl   how long an admin-issued password-reset link stays valid
 * @param oidc               the party's OpenID Connect provider (empty issuer = local accounts only)
 * @param rateLimits         throttling of logins, token creation and message posts
 * @param frameSources       origins the web client may show in frames (the party's Jitsi), added to the CSP
 */
@ConfigurationProperties("relais.security")
public record SecurityProperties(String tokenSecret, Duration tokenTtl, List<String> allowedOrigins,
                                 String adminUsername, String adminPassword, Duration browserSessionTtl,
                                 Duration invitationTtl, Duration passwordResetTtl, Oidc oidc, RateLimits rateLimits,
                                 List<String> frameSources) {
    public SecurityProperties {
        if (tokenTtl == null) tokenTtl = Duration.ofHours(12);
        if (allowedOrigins == null || allowedOrigins.isEmpty()) allowedOrigins = List.of("http://localhost:8080");
        if (adminUsername == null || adminUsername.isBlank()) adminUsername = "admin";
        if (browserSessionTtl == null) browserSessionTtl = Duration.ofHours(12);
        if (invitationTtl == null) invitationTtl = Duration.ofDays(7);
        if (passwordResetTtl == null) passwordResetTtl = Duration.ofHours(24);
        if (oidc == null) oidc = new Oidc(null, null, null, null, null, null, null, null, null, null, null);
        if (rateLimits == null) rateLimits = new RateLimits(0, null, 0, 0, 0, 0);
        frameSources = frameSources == null ? List.of() : frameSources.stream().filter(f -> !f.isBlank()).toList();
    }

    /**
     * Single sign-on with the party's OpenID Connect provider ({@code relais.security.oidc.*}).
     *
     * @param issuerUri        the provider's issuer (e.g. {@code https://sso.example.org/realms/party}); empty = no SSO
     * @param clientId         the hub's client at the provider (authorization code + PKCE)
     * @param clientSecret     its secret (empty for a public client)
     * @param audience         the {@code aud} access tokens must carry to be accepted as bearer tokens (default: clientId)
     * @param usernameClaim    claim giving the username (default {@code preferred_username})
     * @param displayNameClaim claim giving the display name (default {@code name})
     * @param federationClaim  claim giving the federation code, e.g. "29" (default {@code federation})
     * @param rolesClaim       claim listing groups or roles, dotted for nested ones (default {@code groups};
     *                         Keycloak realm roles: {@code realm_access.roles})
     * @param roleMapping      provider group or role → Relais role; unmapped values matching a role name
     *                         (any case, '-' for '_', leading '/' ignored) map to that role
     * @param defaultRole      role of someone none of whose groups maps to a role (default SYMPATHISANT)
     * @param displayName      the login button's label
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String audience, String usernameClaim,
                       String displayNameClaim, String federationClaim, String rolesClaim, Map<String, Role> roleMapping,
                       Role defaultRole, String displayName) {
        public Oidc {
            if (usernameClaim == null || usernameClaim.isBlank()) usernameClaim = "preferred_username";
            if (displayNameClaim == null || displayNameClaim.isBlank()) displayNameClaim = "name";
            if (federationClaim == null || federationClaim.isBlank()) federationClaim = "federation";
            if (rolesClaim == null || rolesClaim.isBlank()) rolesClaim = "groups";
            if (roleMapping == null) roleMapping = Map.of();
            if (defaultRole == null) defaultRole = Role.SYMPATHISANT;
            if (audience == null || audience.isBlank()) audience = clientId;
            if (displayName == null || displayName.isBlank()) displayName = "Connexion du parti";
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
        }
    }

    /**
     * @param loginFailuresPerAccount failed logins of one account before it is locked out for {@code loginLockout}
     * @param loginLockout            how long those failures are remembered (the lock-out time)
     * @param loginAttemptsPerMinute  login attempts (any account) from one address per minute
     * @param tokensPerHour           personal access tokens and invitations one user may create per hour
     * @param postsPerMinute          messages one user may post over REST per minute (STOMP SEND has its own per-connection limit)
     * @param botPostsPerMinute       the same for bot accounts: bots relay to 102 channels at once, so they get their own limit
     */
    public record RateLimits(int loginFailuresPerAccount, Duration loginLockout, int loginAttemptsPerMinute,
                             int tokensPerHour, int postsPerMinute, int botPostsPerMinute) {
        public RateLimits {
            if (loginFailuresPerAccount <= 0) loginFailuresPerAccount = 5;
            if (loginLockout == null) loginLockout = Duration.ofMinutes(15);
            if (loginAttemptsPerMinute <= 0) loginAttemptsPerMinute = 30;
            if (tokensPerHour <= 0) tokensPerHour = 30;
            if (postsPerMinute <= 0) postsPerMinute = 120;
            if (botPostsPerMinute <= 0) botPostsPerMinute = 1200;
        }
    }
}
