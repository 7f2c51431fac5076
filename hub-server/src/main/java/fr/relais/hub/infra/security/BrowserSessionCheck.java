package fr.relais.hub.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For requests authenticated by the session cookie: the hub session behind it must still be active
 * and the user too, checked on every request (cached in {@code AuthSessions}). A revoked session or a
 * deactivated user loses the cookie session at once; the request carries on unauthenticated.
 */
@Component
class BrowserSessionCheck extends OncePerRequestFilter {
    private final AccessTokens tokens;

    BrowserSessionCheck(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof UserAuthentication user && request.getHeader("Authorization") == null) {
            var fresh = tokens.recheck(user);
            if (fresh.isPresent()) {
                SecurityContextHolder.getContext().setAuthentication(fresh.get());
            } else {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
