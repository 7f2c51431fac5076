package fr.relais.hub.infra.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HandshakeHeadersTest {

    @Test
    void the_upgrade_sees_only_the_headers_it_needs() throws Exception {
        MockHttpServletRequest request = upgrade();
        request.addHeader("Cookie", "RELAIS_SESSION=abc");
        request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0");
        request.addHeader("Accept-Language", "fr-FR,fr;q=0.9");
        MockFilterChain chain = new MockFilterChain();

        new HandshakeHeaders().doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
        assertThat(Collections.list(seen.getHeaderNames())).map(String::toLowerCase)
                .containsExactlyInAnyOrder("host", "upgrade", "connection", "origin", "sec-websocket-key",
                        "sec-websocket-version", "sec-websocket-protocol");
        assertThat(seen.getHeader("Cookie")).isNull();
        assertThat(seen.getHeaders("User-Agent").hasMoreElements()).isFalse();
        assertThat(seen.getHeader("origin")).isEqualTo("http://localhost:8080");
        assertThat(seen.getHeader("Sec-WebSocket-Protocol")).isEqualTo("v12.stomp");
        assertThat(seen.getRequestURI()).isEqualTo("/ws");
    }

    @Test
    void other_requests_are_left_alone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws");
        request.addHeader("Cookie", "RELAIS_SESSION=abc");
        MockFilterChain chain = new MockFilterChain();

        new HandshakeHeaders().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest upgrade() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws");
        request.addHeader("Host", "localhost:8080");
        request.addHeader("Upgrade", "websocket");
        request.addHeader("Connection", "Upgrade");
        request.addHeader("Origin", "http://localhost:8080");
        request.addHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.addHeader("Sec-WebSocket-Version", "13");
        request.addHeader("Sec-WebSocket-Protocol", "v12.stomp");
        return request;
    }
}
