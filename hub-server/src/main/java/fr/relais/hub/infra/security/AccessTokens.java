package fr.relais.hub.infra.security;

import com.nimbusds.jwt.JWTParser;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.AuthSessions;
import fr.relais.hub.identity.ExternalIdentity;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * The one door for bearer credentials, REST and STOMP CONNECT alike. Three kinds are accepted:
 * <ul>
 *   <li>the hub's own access tokens (HS256 JWT, issuer {@code relais}): their {@code sid} (also the
 *       {@code jti}) must name an active session, so revoking the session ends the token;</li>
 *   <li>personal access tokens ({@code rlspat_...}), looked up by digest;</li>
 *   <li>access tokens of the party's identity provider (JWT, validated by its keys, issuer and audience),
 *       whose claims create or update the user ({@link OidcClaimMapper}).</li>
 * </ul>
 * In every case the user is looked up and must be active, so a deactivated account stops at once.
 */
@Component
public class AccessTokens {
    static final String ISSUER = "relais";

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentityProviderTokens providerTokens;
    private final OidcClaimMapper claims;
    private final SecurityProperties properties;
    private final UserDirectory users;
    private final AuthSessions sessions;
    private final Clock clock;
    private final Map<String, Provisioned> provisioned = new ConcurrentHashMap<>();

    private record Provisioned(ExternalIdentity identity, String userId, Instant at) {
    }

    AccessTokens(JwtEncoder encoder, JwtDecoder decoder, IdentityProviderTokens providerTokens, OidcClaimMapper claims,
                 SecurityProperties properties, UserDirectory users, AuthSessions sessions) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.providerTokens = providerTokens;
        this.claims = claims;
        this.properties = properties;
        this.users = users;
        this.sessions = sessions;
        this.clock = Clock.systemUTC(); // iat/exp are validated against real time
    }

    public record IssuedToken(String accessToken, long expiresInSeconds, String sessionId) {
    }

    /** Opens a password session for the user and issues its access token. */
    public IssuedToken issue(User user, String clientName) {
        AuthSession session = sessions.open(user, AuthSession.Kind.PASSWORD, clientName, properties.tokenTtl());
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id())
                .id(session.id())
                .claim("sid", session.id())
                .issuedAt(now)
                .expiresAt(session.expiresAt())
                .claim("preferred_username", user.username())
                .build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims));
        return new IssuedToken(jwt.getTokenValue(), Duration.between(now, session.expiresAt()).toSeconds(), session.id());
    }

    /** The authenticated user a bearer credential stands for, or empty if it is invalid, expired, revoked or the user inactive. */
    public Optional<UserAuthentication> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) return Optional.empty();
        try {
            if (bearerToken.startsWith(AuthSessions.PERSONAL_TOKEN_PREFIX)) {
                return sessions.authenticatePersonalToken(bearerToken)
                        .flatMap(s -> activeUser(s.userId()).map(u -> new UserAuthentication(u, s.id())));
            }
            String issuer = JWTParser.parse(bearerToken).getJWTClaimsSet().getIssuer();
            if (ISSUER.equals(issuer)) {
                Jwt jwt = decoder.decode(bearerToken);
                String sid = jwt.getClaimAsString("sid");
                return sessions.active(sid).filter(s -> s.userId().equals(jwt.getSubject()))
                        .flatMap(s -> activeUser(s.userId()).map(u -> new UserAuthentication(u, s.id())));
            }
            if (providerTokens.accepts(issuer)) {
                Jwt jwt = providerTokens.decode(bearerToken);
                return fromProvider(issuer, jwt.getClaims()).map(u -> new UserAuthentication(u, null));
            }
            return Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The user a browser session cookie stands for, or empty if the session is unknown, ended or the user inactive. */
    public Optional<UserAuthentication> authenticateBrowser(String cookieSecret) {
        return sessions.authenticateBrowser(cookieSecret)
                .flatMap(s -> activeUser(s.userId()).map(u -> new UserAuthentication(u, s.id())));
    }

    /** Re-checks a connection's authentication (on every STOMP frame and cookie request): session and user still active. */
    public Optional<UserAuthentication> recheck(UserAuthentication authentication) {
        if (authentication.sessionId() != null && sessions.active(authentication.sessionId()).isEmpty()) return Optional.empty();
        return activeUser(authentication.user().id()).map(u -> new UserAuthentication(u, authentication.sessionId()));
    }

    private Optional<User> fromProvider(String issuer, Map<String, Object> tokenClaims) {
        ExternalIdentity identity = claims.map(issuer, tokenClaims);
        Provisioned known = provisioned.get(identity.externalId());
        if (known != null && known.identity().equals(identity) && known.at().plusSeconds(300).isAfter(clock.instant())) {
            return activeUser(known.userId());
        }
        User user = users.provision(identity);
        provisioned.put(identity.externalId(), new Provisioned(identity, user.id(), clock.instant()));
        return Optional.of(user).filter(User::active);
    }

    private Optional<User> activeUser(String userId) {
        return users.findById(userId).filter(User::active);
    }
}
