package fr.relais.hub.infra.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Browser sessions of single sign-on, carried by the {@code RELAIS_SESSION} cookie: a random secret
 * whose digest is kept with the BROWSER hub session in MongoDB. Any node recognises it, so behind a
 * load balancer a browser may reach any node on each request, and keeps its session when the node
 * that signed it in goes away. (Servlet HTTP sessions live in one node's memory: they would need
 * sticky sessions and would log everyone out with the node.)
 *
 * <p>Every request with the cookie re-checks the hub session and the user ({@link AccessTokens#authenticateBrowser}):
 * a revoked session or a deactivated user is refused at once, and the request carries on unauthenticated.
 */
@Component
class BrowserSessions implements SecurityContextRepository {
    static final String COOKIE = "RELAIS_SESSION";

    private final AccessTokens tokens;

    BrowserSessions(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether the request carries a browser session cookie (then unsafe requests need the CSRF token). */
    static boolean hasCookie(HttpServletRequest request) {
        return secret(request) != null;
    }

    /** Sets the cookie of a newly opened browser session. */
    static void start(HttpServletRequest request, HttpServletResponse response, String secret, Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, secret, lifetime).toString());
    }

    /** Removes the cookie from the browser (logout; a session found revoked). */
    static void end(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                .maxAge(lifetime).build();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> context = SingletonSupplier.of(() -> load(request));
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return context.get();
            }

            @Override
            public boolean isGenerated() {
                return context.get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        String secret = secret(request);
        if (secret != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            tokens.authenticateBrowser(secret).ifPresent(context::setAuthentication);
        }
        return context;
    }

    /** The cookie is written when a session opens ({@link #start}), not here: a context is never saved by this repository. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() == null && hasCookie(request) && !response.isCommitted()) end(request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return hasCookie(request);
    }

    private static @Nullable String secret(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
