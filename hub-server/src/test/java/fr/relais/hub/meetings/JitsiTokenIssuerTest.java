package fr.relais.hub.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

/** RS256 (JaaS) tokens and configuration mistakes, checked with jose4j (not the library that signs). */
class JitsiTokenIssuerTest {
    static final Instant NOW = Instant.parse("2026-03-10T17:00:00Z");
    static final User BOB = new User("u-bob", "hq-bob", "Bob (siège)", null, Set.of(Role.HQ_STAFF), true, NOW);

    @Test
    void a_jaas_token_is_rs256_with_the_key_id_and_the_tenant_as_subject() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        JitsiProperties jaas = new JitsiProperties("8x8.vc", "jaas", "vpaas-magic-cookie-abc", "", pem,
                "vpaas-magic-cookie-abc/4f4910", null, null, Duration.ofMinutes(10), "https://relais.example/avatars/{userId}");
        JitsiTokenIssuer issuer = new JitsiTokenIssuer(jaas, Clock.fixed(NOW, ZoneOffset.UTC));

        JitsiToken token = issuer.issue(BOB, "relais-abcdefghijklmnopqrstuvwxyz", true);

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(NOW.getEpochSecond()))
                .setRequireExpirationTime().setRequireNotBefore()
                .setExpectedAudience("jitsi").setExpectedIssuer("chat").setExpectedSubject("vpaas-magic-cookie-abc")
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256))
                .build();
        JwtContext context = consumer.process(token.jwt());
        assertThat(context.getJoseObjects().getFirst().getHeader("typ")).isEqualTo("JWT");
        assertThat(context.getJoseObjects().getFirst().getKeyIdHeaderValue()).isEqualTo("vpaas-magic-cookie-abc/4f4910");
        JwtClaims claims = context.getJwtClaims();
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(NOW.plus(Duration.ofMinutes(10)).getEpochSecond());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) ((Map<String, Object>) claims.getClaimValue("context")).get("user");
        assertThat(user).containsEntry("id", "u-bob").containsEntry("name", "Bob (siège)")
                .containsEntry("avatar", "https://relais.example/avatars/u-bob")
                .containsEntry("moderator", true).containsEntry("affiliation", "owner")
                .doesNotContainKey("email");
    }

    @Test
    void a_short_hs256_secret_or_a_missing_app_id_stops_the_hub_with_a_clear_message() {
        assertThatThrownBy(() -> new JitsiTokenIssuer(new JitsiProperties("visio.example.org", null, "relais", "too-short",
                null, null, null, null, null, null), Clock.systemUTC()))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> new JitsiTokenIssuer(new JitsiProperties("visio.example.org", null, "",
                "0123456789abcdef0123456789abcdef", null, null, null, null, null, null), Clock.systemUTC()))
                .hasMessageContaining("app-id");
    }

    @Test
    void without_a_domain_nothing_is_signed() {
        JitsiTokenIssuer issuer = new JitsiTokenIssuer(new JitsiProperties(null, null, null, null, null, null, null, null,
                null, null), Clock.systemUTC());
        assertThat(issuer.configured()).isFalse();
        assertThatThrownBy(() -> issuer.issue(BOB, "relais-x", true)).hasMessageContaining("not configured");
    }
}
