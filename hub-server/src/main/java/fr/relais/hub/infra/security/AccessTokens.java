package fr.relais.hub.infra.security;

import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the hub's own bearer tokens (REST and STOMP CONNECT). A token names the user by
 * id; the user is looked up on every use, so a deactivated account stops working at once.
 */
@Component
public class AccessTokens {
    static final String ISSUER = "relais";

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final SecurityProperties properties;
    private final UserDirectory users;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, JwtDecoder decoder, SecurityProperties properties, UserDirectory users, Clock clock) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    public IssuedToken issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim("preferred_username", user.username())
                .build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims));
        return new IssuedToken(jwt.getTokenValue(), properties.tokenTtl().toSeconds());
    }

    /** The active user a bearer token stands for, or empty if the token is invalid, expired or the user inactive. */
    public Optional<User> authenticate(String bearerToken) {
        try {
            Jwt jwt = decoder.decode(bearerToken);
            return users.findById(jwt.getSubject()).filter(User::active);
        } catch (JwtException e) {
            return Optional.empty();
        }
    }
}
