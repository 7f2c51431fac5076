package fr.relais.hub.infra.security;

import fr.relais.hub.bots.SecretBox;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the authorization request of a single sign-on (state, PKCE verifier, nonce) between the
 * redirect to the provider and its answer, in a short-lived HttpOnly cookie sealed with the hub's
 * AES-GCM key ({@link SecretBox}, shared by every node through MongoDB) rather than in a servlet
 * session: behind a load balancer the provider's answer may reach another node than the one that
 * sent the browser there. The cookie binds the login to the browser that started it (as a session
 * would), cannot be read or altered by it, and is only sent to the callback path.
 */
@Component
class SealedAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String COOKIE = "RELAIS_SSO_REQUEST";
    private static final String PATH = "/login/oauth2/code";
    /** Time to sign in at the provider. */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SecretBox box;
    private final JsonMapper json;

    SealedAuthorizationRequests(SecretBox box, JsonMapper json) {
        this.box = box;
        this.json = json;
    }

    /** What is sealed: everything Spring's login filter reads back from the request. */
    private record Sealed(long expiresAt, String authorizationUri, String clientId, String redirectUri, List<String> scopes,
                          String state, Map<String, Object> additionalParameters, Map<String, Object> attributes,
                          String authorizationRequestUri) {
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter("state");
        String value = cookie(request);
        if (state == null || value == null) return null;
        Sealed sealed;
        try {
            sealed = json.readValue(box.open(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)), Sealed.class);
        } catch (RuntimeException unreadable) {
            return null; // altered, from another key, or not ours: the login fails as with no request at all
        }
        if (sealed == null || Instant.now().getEpochSecond() > sealed.expiresAt() || !state.equals(sealed.state())) return null;
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(sealed.authorizationUri())
                .clientId(sealed.clientId())
                .redirectUri(sealed.redirectUri())
                .scopes(new LinkedHashSet<>(sealed.scopes()))
                .state(sealed.state())
                .additionalParameters(sealed.additionalParameters())
                .attributes(sealed.attributes())
                .authorizationRequestUri(sealed.authorizationRequestUri())
                .build();
    }

    @Override
    public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorization, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorization == null) {
            clear(request, response);
            return;
        }
        Sealed sealed = new Sealed(Instant.now().plus(LIFETIME).getEpochSecond(), authorization.getAuthorizationUri(),
                authorization.getClientId(), authorization.getRedirectUri(), List.copyOf(authorization.getScopes()),
                authorization.getState(), new LinkedHashMap<>(authorization.getAdditionalParameters()),
                new LinkedHashMap<>(authorization.getAttributes()), authorization.getAuthorizationRequestUri());
        String value = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(box.seal(json.writeValueAsString(sealed)).getBytes(StandardCharsets.UTF_8));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, value, LIFETIME).toString());
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest authorization = loadAuthorizationRequest(request);
        if (cookie(request) != null) clear(request, response);
        return authorization;
    }

    private static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax").path(PATH)
                .maxAge(lifetime).build();
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
