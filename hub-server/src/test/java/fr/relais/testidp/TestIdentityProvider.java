package fr.relais.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests (Spring Authorization Server), in its own Spring
 * context on its own port: the party's Keycloak stand-in. Its people carry a {@code federation} claim
 * and a {@code groups} claim, in ID tokens and access tokens alike.
 *
 * <ul>
 *   <li>{@code relais-hub}: the hub (confidential, authorization code, PKCE required);</li>
 *   <li>{@code relais-cli}: a public client (a script) whose access tokens name the hub in {@code aud};</li>
 *   <li>{@code other-app}: another application of the party, whose tokens the hub must refuse.</li>
 * </ul>
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
public class TestIdentityProvider {
    public static final String HUB_CLIENT_SECRET = "hub-secret-for-tests";
    public static final String CLI_REDIRECT = "http://127.0.0.1:1/cli-callback";
    public static final String PASSWORD = "mot-de-passe-du-parti";
    public static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "gwen", Map.of("federation", "29", "groups", List.of("relais-coordinateurs", "/comite-riposte"), "name", "Gwenaëlle Le Bihan"),
            "yann", Map.of("federation", "75", "groups", List.of("member"), "name", "Yann Dupont"));

    private static String hubBase;

    /** Starts the provider (on 127.0.0.1, a random port) for a hub that will listen on {@code hubPort}. */
    public static ConfigurableApplicationContext start(int hubPort) {
        hubBase = "http://localhost:" + hubPort;
        return new SpringApplicationBuilder(TestIdentityProvider.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.config.name=test-idp",
                        "spring.main.banner-mode=off", "spring.jmx.enabled=false", "spring.application.name=test-idp")
                .run();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(as -> {
                    http.securityMatcher(as.getEndpointsMatcher());
                    as.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(PEOPLE.keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    RegisteredClientRepository clients() {
        RegisteredClient hub = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("relais-hub").clientSecret("{noop}" + HUB_CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(hubBase + "/login/oauth2/code/party")
                .postLogoutRedirectUri(hubBase + "/")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(hub, publicClient("relais-cli"), publicClient("other-app"));
    }

    private static RegisteredClient publicClient(String id) {
        return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT).scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    /** The party's claims in every token; access tokens of relais-cli are meant for the hub. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> partyClaims() {
        return context -> {
            Map<String, Object> person = PEOPLE.get(context.getPrincipal().getName());
            if (person == null) return;
            context.getClaims().claim("preferred_username", context.getPrincipal().getName());
            person.forEach((k, v) -> context.getClaims().claim(k, v));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && "relais-cli".equals(context.getRegisteredClient().getClientId())) {
                context.getClaims().audience(List.of("relais-cli", "relais-hub"));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
