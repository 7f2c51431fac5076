package fr.relais.hub.infra.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.infra.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security, one filter chain:
 * <ul>
 *   <li>Bearer credentials (hub tokens, personal access tokens, the identity provider's JWTs) through
 *       the resource-server filter, all checked by {@link AccessTokens}; stateless.</li>
 *   <li>Browser single sign-on (when {@code relais.security.oidc} is configured): authorization code with
 *       PKCE, then an HttpOnly session cookie ({@link SingleSignOn}) that any node recognises; every
 *       cookie request re-checks the hub session ({@link BrowserSessions}). No servlet session is used.
 *       Cookie-authenticated unsafe requests need the CSRF token ({@code XSRF-TOKEN} cookie echoed in
 *       {@code X-XSRF-TOKEN}); bearer requests carry no ambient credentials and need none.</li>
 *   <li>The WebSocket endpoint is open at the HTTP level (Origin checked in {@code infra.stomp.WebSocketConfig})
 *       and authenticates each STOMP CONNECT instead.</li>
 *   <li>Security headers (CSP fit for the web client and an embedded Jitsi), no CORS.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, AccessTokens tokens, SecurityProperties properties,
                            SingleSignOn sso, BrowserSessions browserSessions, PostRateLimitFilter postLimit,
                            @org.springframework.beans.factory.annotation.Value("${relais.jitsi.domain:}") String jitsiDomain) throws Exception {
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), browserSessions);
        AuthenticationManager bearer = authentication -> tokens
                .authenticate(((BearerTokenAuthenticationToken) authentication).getToken())
                .orElseThrow(() -> new BadCredentialsException("The token is invalid, expired or revoked"));
        RequestMatcher cookieAuthenticatedUnsafe = request -> !isSafe(request) && request.getHeader("Authorization") == null
                && BrowserSessions.hasCookie(request);
        http.securityMatcher("/**")
                .securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedUnsafe))
                .cors(cors -> cors.disable())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties, jitsiDomain)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "geolocation=(), payment=(), usb=(), camera=(self), microphone=(self), display-capture=(self)")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/**", "/api/v1/federations").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(res, ErrorCode.UNAUTHENTICATED, "A valid bearer token or session is required"))
                        .accessDeniedHandler((req, res, ex) -> denied(problems, res, ex)))
                .addFilterAfter(postLimit, BearerTokenAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/api/v1/auth/logout")
                        .addLogoutHandler(sso::revokeOnLogout)
                        .logoutSuccessHandler(sso::afterLogout))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(res, ErrorCode.UNAUTHENTICATED, "A valid bearer token or session is required"))
                        .accessDeniedHandler((req, res, ex) -> denied(problems, res, ex)));
        sso.configure(http);
        return http.build();
    }

    private static void denied(ProblemWriter problems, jakarta.servlet.http.HttpServletResponse res, Exception ex)
            throws java.io.IOException {
        if (ex instanceof CsrfException) {
            problems.write(res, ErrorCode.CSRF_INVALID, "Cookie-authenticated requests need the X-XSRF-TOKEN header");
        } else {
            problems.write(res, ErrorCode.FORBIDDEN, "You may not do this");
        }
    }

    private static boolean isSafe(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }

    /** The web client's own scripts and styles, its WebSocket, and Jitsi meetings in frames. */
    static String contentSecurityPolicy(SecurityProperties properties, String jitsiDomain) {
        List<String> frames = new ArrayList<>(List.of("'self'"));
        frames.addAll(properties.frameSources());
        List<String> scripts = new ArrayList<>(List.of("'self'"));
        if (jitsiDomain != null && !jitsiDomain.isBlank()) {
            // The meeting page loads Jitsi's IFrame API script from the party's Jitsi, and embeds its rooms.
            String jitsi = "https://" + jitsiDomain.strip();
            scripts.add(jitsi);
            if (!frames.contains(jitsi)) frames.add(jitsi);
        }
        List<String> forms = new ArrayList<>(List.of("'self'"));
        if (properties.oidc().enabled()) forms.add(origin(properties.oidc().issuerUri()));
        return "default-src 'self'; script-src " + String.join(" ", scripts) + "; connect-src 'self'; img-src 'self' data: blob:; "
                + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; media-src 'self' blob:; "
                + "frame-src " + String.join(" ", frames) + "; frame-ancestors 'none'; object-src 'none'; "
                + "base-uri 'self'; form-action " + String.join(" ", forms);
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** This filter runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<PostRateLimitFilter> postRateLimitRegistration(PostRateLimitFilter f) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(f);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    JwtEncoder jwtEncoder(TokenSigningKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key.key()));
    }

    @Bean
    JwtDecoder jwtDecoder(TokenSigningKey key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER));
        return decoder;
    }

    /** bcrypt (cost 12) for new hashes; older hashes in any format Spring knows still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder)
                org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(12));
        DelegatingPasswordEncoder strong = new DelegatingPasswordEncoder("bcrypt", encoders);
        strong.setDefaultPasswordEncoderForMatches(encoder);
        return strong;
    }
}
