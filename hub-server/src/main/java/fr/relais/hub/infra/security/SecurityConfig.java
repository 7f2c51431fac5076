package fr.relais.hub.infra.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * REST security. The API is bearer-token only for now (stateless, so no CSRF token is needed: a
 * browser never attaches the token on its own). The WebSocket endpoint is open at the HTTP level and
 * authenticates each STOMP CONNECT instead (see {@code infra.stomp.StompAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, UserDirectory users) throws Exception {
        http.securityMatcher("/**")
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
                                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/token", "/api/v1/federations").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> users.findById(token.getSubject())
                                .filter(u -> u.active())
                                .map(UserAuthentication::new)
                                .orElseThrow(() -> new BadCredentialsException("unknown or inactive user"))))
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(res, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(res, ErrorCode.FORBIDDEN, "You may not do this")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(res, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(res, ErrorCode.FORBIDDEN, "You may not do this")));
        return http.build();
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
