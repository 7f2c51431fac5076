package fr.relais.hub.infra.stomp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Shows the WebSocket upgrade only the request headers it needs. Tomcat and Spring each keep a copy of
 * the handshake's headers for the life of the connection (Tomcat's handshake request, Spring's
 * session); a browser sends a dozen or more (cookies, user agent, languages...), two to four KiB per
 * open connection that nothing reads after the handshake. Runs after the security filters, which have
 * already authenticated the request from the full headers.
 */
class HandshakeHeaders extends OncePerRequestFilter {
    /** The upgrade itself, the Origin check (Origin, Host) and forwarded-address handling. */
    static final Set<String> KEPT = Set.of("host", "upgrade", "connection", "origin",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions",
            "forwarded", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-forwarded-prefix");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new KeptHeadersOnly(request), response);
    }

    private static boolean kept(String name) {
        return name != null && KEPT.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class KeptHeadersOnly extends HttpServletRequestWrapper {
        KeptHeadersOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return kept(name) ? super.getHeader(name) : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return kept(name) ? super.getHeaders(name) : Collections.emptyEnumeration();
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(HandshakeHeaders::kept).toList());
        }

        @Override
        public long getDateHeader(String name) {
            return kept(name) ? super.getDateHeader(name) : -1;
        }

        @Override
        public int getIntHeader(String name) {
            return kept(name) ? super.getIntHeader(name) : -1;
        }
    }
}
