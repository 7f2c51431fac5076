package fr.relais.hub.meetings;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signs the JWT that Jitsi Meet's token authentication (prosody {@code token_verification}, and
 * {@code token_affiliation} for moderators) or JaaS expects:
 * <pre>
 * header: {"alg":"HS256"|"RS256","typ":"JWT"[,"kid":...]}
 * claims: aud, iss, sub, room, iat, nbf, exp,
 *         context.user {id, name, avatar, moderator, affiliation: "owner"|"member"}
 * </pre>
 * The {@code typ} header is set explicitly (Jitsi refuses a token without it). No e-mail or other
 * personal data beyond the display name is included: the token travels in the room URL and ends up in
 * web-server logs.
 */
@Component
public class JitsiTokenIssuer {
    /** Allowed clock difference between the hub and Jitsi. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private final JitsiProperties properties;
    private final Clock clock;
    private final @Nullable JWSSigner signer;
    private final JWSAlgorithm algorithm;

    JitsiTokenIssuer(JitsiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (!properties.configured()) {
            this.signer = null;
            this.algorithm = JWSAlgorithm.HS256;
        } else if (!properties.privateKey().isEmpty()) {
            this.signer = new RSASSASigner(readPrivateKey(properties.privateKey()));
            this.algorithm = JWSAlgorithm.RS256;
        } else {
            this.signer = macSigner(properties.appSecret());
            this.algorithm = JWSAlgorithm.HS256;
        }
        if (properties.configured() && properties.appId().isEmpty()) {
            throw new IllegalStateException("relais.jitsi.app-id is required when relais.jitsi.domain is set");
        }
    }

    public boolean configured() {
        return signer != null;
    }

    /** A token for this person and room, valid for {@code relais.jitsi.token-ttl} (not before 30 s ago, for clock skew). */
    public JitsiToken issue(User user, String room, boolean moderator) {
        if (signer == null) throw notConfigured();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenTtl());
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", user.id());
        person.put("name", user.displayName());
        person.put("avatar", properties.avatarUrl().replace("{userId}", user.id()));
        person.put("moderator", moderator);
        person.put("affiliation", moderator ? "owner" : "member");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(properties.audience())
                .issuer(properties.issuer())
                .subject(properties.subject())
                .claim("room", room)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minus(SKEW)))
                .expirationTime(Date.from(expires))
                .claim("context", Map.of("user", person))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
        if (!properties.keyId().isEmpty()) header.keyID(properties.keyId());
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a Jitsi token", e);
        }
        return new JitsiToken(jwt.serialize(), expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static RelaisException notConfigured() {
        return new RelaisException(ErrorCode.JITSI_NOT_CONFIGURED,
                "Video meetings are not configured on this hub (no Jitsi domain): ask the hub's administrators");
    }

    private static JWSSigner macSigner(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("relais.jitsi.app-secret must be at least 32 characters (HS256), "
                    + "or set relais.jitsi.private-key for RS256");
        }
        try {
            return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable relais.jitsi.app-secret", e);
        }
    }

    /** A PKCS#8 PEM text, or the path of a file holding one. */
    static PrivateKey readPrivateKey(String pemOrPath) {
        String pem = pemOrPath;
        if (!pem.contains("-----BEGIN")) {
            try {
                pem = Files.readString(Path.of(pemOrPath));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read relais.jitsi.private-key " + pemOrPath, e);
            }
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("relais.jitsi.private-key must be PKCS#8 (BEGIN PRIVATE KEY): "
                    + "convert with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("relais.jitsi.private-key is not an RSA PKCS#8 private key", e);
        }
    }
}
