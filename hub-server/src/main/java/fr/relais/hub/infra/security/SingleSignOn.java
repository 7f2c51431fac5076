package fr.relais.hub.infra.security;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.identity.AuthSessions;
import fr.relais.hub.identity.ExternalIdentity;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Browser login with the party's OpenID Connect provider (Spring Security OAuth2 Client): the web
 * client sends the browser to {@code /oauth2/authorization/party}; the provider authenticates and
 * redirects to {@code /login/oauth2/code/party} with an authorization code, exchanged with PKCE.
 * Then the user is created or updated from the claims ({@link OidcClaimMapper}), a BROWSER hub session
 * is opened and its HttpOnly cookie set ({@link BrowserSessions}). Nothing of the login is kept in one
 * node's memory: the authorization request travels in a sealed cookie ({@link SealedAuthorizationRequests}),
 * the session and the provider's ID token (for logout) are in MongoDB, so any node behind the load
 * balancer may take any step.
 * Logout ({@code POST /api/v1/auth/logout}) revokes the hub session and sends the browser to the
 * provider's end-session endpoint (RP-initiated logout).
 */
@Component
public class SingleSignOn {
    public static final String REGISTRATION_ID = "party";
    static final String ID_TOKEN = "relais.sso.idToken";
    /** The provider's tokens are only used to sign in: nothing calls the provider on the user's behalf afterwards. */
    private static final OAuth2AuthorizedClientRepository KEEP_NO_CLIENTS = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
        }
    };

    private final SecurityProperties properties;
    private final OidcClaimMapper claims;
    private final UserDirectory users;
    private final AuthSessions sessions;
    private final AuditLog audit;
    private final SealedAuthorizationRequests requests;
    private final @Nullable ClientRegistrationRepository registrations;

    SingleSignOn(SecurityProperties properties, OidcClaimMapper claims, UserDirectory users, AuthSessions sessions, AuditLog audit,
                 SealedAuthorizationRequests requests) {
        this.properties = properties;
        this.requests = requests;
        this.claims = claims;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.registrations = properties.oidc().enabled() ? new LazyRegistration(properties.oidc()) : null;
    }

    public boolean enabled() {
        return registrations != null;
    }

    public String displayName() {
        return properties.oidc().displayName();
    }

    void configure(HttpSecurity http) throws Exception {
        if (registrations == null) return;
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver).authorizationRequestRepository(requests))
                .authorizedClientRepository(KEEP_NO_CLIENTS)
                .successHandler(this::signedIn)
                .failureHandler((req, res, ex) -> {
                    audit.record(AuditLog.LOGIN_FAILED, null, null, "method", "sso", "reason", ex.getClass().getSimpleName(),
                            "address", req.getRemoteAddr());
                    res.sendRedirect("/?login=failed");
                }));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        SecurityContextHolder.clearContext(); // the provider's principal is not the hub's: the cookie below stands for the user
        OidcUser oidcUser = (OidcUser) authentication.getPrincipal();
        Map<String, Object> all = oidcUser.getClaims();
        ExternalIdentity identity = claims.map(String.valueOf(oidcUser.getIssuer()), all);
        User user = users.provision(identity);
        if (!user.active()) {
            audit.record(AuditLog.LOGIN_FAILED, user.id(), user.id(), "method", "sso", "reason", "inactive");
            response.sendRedirect("/?login=inactive");
            return;
        }
        AuthSessions.NewBrowserSession opened = sessions.openBrowser(user, request.getHeader("User-Agent"),
                properties.browserSessionTtl(), oidcUser.getIdToken().getTokenValue());
        BrowserSessions.start(request, response, opened.secret(), properties.browserSessionTtl());
        audit.record(AuditLog.SSO_LOGIN, user.id(), user.id(), "session", opened.session().id(), "address", request.getRemoteAddr(),
                "roles", String.join(",", UserAuthentication.roleNames(user)), "federation", user.federation());
        response.sendRedirect("/");
    }

    void revokeOnLogout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication instanceof UserAuthentication user && user.sessionId() != null) {
            sessions.providerIdToken(user.sessionId()).ifPresent(idToken -> request.setAttribute(ID_TOKEN, idToken));
            sessions.revoke(user.user().id(), user.sessionId());
            audit.record(AuditLog.LOGOUT, user.user().id(), user.sessionId());
        }
        // The cookie itself is removed when logout clears the security context (BrowserSessions.saveContext).
    }

    void afterLogout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication)
            throws IOException {
        Object idToken = request.getAttribute(ID_TOKEN);
        if (registrations != null && idToken != null) {
            ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION_ID);
            Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
            if (endSession != null) {
                String base = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                        .replacePath("/").replaceQuery(null).toUriString();
                response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
                        .queryParam("id_token_hint", idToken)
                        .queryParam("post_logout_redirect_uri", base)
                        .queryParam("client_id", registration.getClientId())
                        .encode().toUriString());
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The provider's metadata is fetched on first use, so the hub starts even when the provider is briefly down. */
    private static final class LazyRegistration implements ClientRegistrationRepository {
        private final Supplier<ClientRegistration> registration;

        LazyRegistration(SecurityProperties.Oidc oidc) {
            this.registration = SingletonSupplier.of(() -> {
                boolean isPublic = oidc.clientSecret() == null || oidc.clientSecret().isBlank();
                return ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(oidc.clientId())
                        .clientSecret(isPublic ? null : oidc.clientSecret())
                        .clientAuthenticationMethod(isPublic ? ClientAuthenticationMethod.NONE
                                : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .scope("openid", "profile", "email")
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .clientName(oidc.displayName())
                        .build();
            });
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            return REGISTRATION_ID.equals(registrationId) ? registration.get() : null;
        }
    }
}
