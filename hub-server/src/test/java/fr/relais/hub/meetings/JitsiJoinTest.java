package fr.relais.hub.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Joining a meeting on a hub with a self-hosted Jitsi configured: the token is checked with jose4j,
 * independently of the library that signs it, against what Jitsi's token authentication expects.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "relais.jitsi.domain=visio.example.org",
        "relais.jitsi.app-id=relais-hub",
        "relais.jitsi.app-secret=" + JitsiJoinTest.SECRET,
        "relais.jitsi.token-ttl=PT5M",
})
class JitsiJoinTest {
    static final String SECRET = "a-jitsi-app-secret-for-tests-0123456789";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    /** A weekly meeting whose first occurrence starts in 5 minutes, for Finistère and hq-bob. */
    JsonNode meetingSoon(List<String> extraInvitees) {
        LocalDateTime start = ZonedDateTime.now(PARIS).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime();
        Api.Response r = api.post("/api/v1/meetings", world.token("alice"), Map.of("title", "Point presse", "start", start.toString(),
                "durationMinutes", 60, "recurrence", "FREQ=WEEKLY", "invitees",
                Map.of("federations", List.of("29"), "userIds", extraInvitees)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireNotBefore().setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedAudience("jitsi").setExpectedIssuer("relais-hub").setExpectedSubject("visio.example.org")
                .setVerificationKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256))
                .build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> contextUser(JwtClaims claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.getClaimValue("context")).get("user");
    }

    @Test
    void an_invitee_gets_a_short_lived_token_for_the_occurrence_room_and_the_organiser_moderates() throws Exception {
        JsonNode meeting = meetingSoon(List.of(world.id("hq-bob")));
        String id = meeting.get("id").asString();

        Api.Response joined = api.post("/api/v1/meetings/" + id + "/join", world.token("bruno"), Map.of());
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        JsonNode join = joined.json();
        String room = join.get("room").asString();
        assertThat(room).matches("[a-z0-9-]+").startsWith("relais-").hasSizeGreaterThan(25);
        assertThat(join.get("roomName").asString()).isEqualTo(room);
        assertThat(join.get("domain").asString()).isEqualTo("visio.example.org");
        assertThat(join.get("externalApiUrl").asString()).isEqualTo("https://visio.example.org/external_api.js");
        assertThat(join.get("joinUrl").asString()).startsWith("https://visio.example.org/" + room + "?jwt=");
        assertThat(join.get("moderator").asBoolean()).isFalse();
        assertThat(join.get("occurrence").get("key").asString()).isEqualTo(meeting.get("nextOccurrences").get(0).get("key").asString());

        Instant before = Instant.now();
        JwtContext verified = consumer().process(join.get("jwt").asString());
        assertThat(verified.getJoseObjects().getFirst().getHeader("typ")).isEqualTo("JWT");
        assertThat(verified.getJoseObjects().getFirst().getAlgorithmHeaderValue()).isEqualTo("HS256");
        JwtClaims claims = verified.getJwtClaims();
        assertThat(claims.getClaimValue("room")).isEqualTo(room);
        long exp = claims.getExpirationTime().getValue();
        assertThat(exp).isBetween(before.getEpochSecond() + 240, before.getEpochSecond() + 330); // 5 minutes
        assertThat(Instant.parse(join.get("expiresAt").asString()).getEpochSecond()).isEqualTo(exp);
        Map<String, Object> user = contextUser(claims);
        assertThat(user).containsEntry("id", world.id("bruno")).containsEntry("name", "Bruno Kerjean")
                .containsEntry("moderator", false).containsEntry("affiliation", "member").containsKey("avatar");
        assertThat(claims.toJson()).doesNotContain("email").doesNotContain("bruno@");

        JwtClaims organiser = consumer().process(api.post("/api/v1/meetings/" + id + "/join", world.token("alice"), Map.of())
                .json().get("jwt").asString()).getJwtClaims();
        assertThat(contextUser(organiser)).containsEntry("moderator", true).containsEntry("affiliation", "owner");
        assertThat(organiser.getClaimValue("room")).isEqualTo(room);
        JwtClaims staff = consumer().process(api.post("/api/v1/meetings/" + id + "/join", world.token("hq-bob"), Map.of())
                .json().get("jwt").asString()).getJwtClaims();
        assertThat(contextUser(staff)).containsEntry("moderator", true).containsEntry("affiliation", "owner");

        // Stable per occurrence; the next occurrence has another room (and is not open yet).
        assertThat(api.post("/api/v1/meetings/" + id + "/join", world.token("bruno"), Map.of()).json().get("room").asString()).isEqualTo(room);
        String nextKey = meeting.get("nextOccurrences").get(1).get("key").asString();
        Api.Response early = api.post("/api/v1/meetings/" + id + "/join?occurrence=" + nextKey, world.token("bruno"), Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("meeting_not_open");
    }

    @Test
    void non_invitees_are_refused_and_a_forged_or_expired_token_does_not_verify() throws Exception {
        String id = meetingSoon(List.of()).get("id").asString();
        Api.Response chloe = api.post("/api/v1/meetings/" + id + "/join", world.token("chloe"), Map.of());
        assertThat(chloe.status()).isEqualTo(404); // she cannot even see it
        Api.Response bob = api.post("/api/v1/meetings/" + id + "/join", world.token("hq-bob"), Map.of());
        assertThat(bob.status()).isEqualTo(403); // staff see every meeting but join only when invited
        assertThat(bob.json().get("code").asString()).isEqualTo("not_invited");

        String jwt = api.post("/api/v1/meetings/" + id + "/join", world.token("bruno"), Map.of()).json().get("jwt").asString();
        String[] parts = jwt.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"moderator\":false", "\"moderator\":true").getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumer().process(parts[0] + "." + forgedClaims + "." + parts[2]))
                .isInstanceOf(InvalidJwtException.class);

        JwtConsumer later = new JwtConsumerBuilder()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().plusSeconds(600).getEpochSecond()))
                .setRequireExpirationTime().setExpectedAudience("jitsi")
                .setVerificationKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8))).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> later.process(jwt)).isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Expiration Time");
    }

    @Test
    void the_video_settings_tell_the_client_where_jitsi_is() {
        JsonNode video = api.get("/api/v1/meetings/video", world.token("bruno")).json();
        assertThat(video.get("configured").asBoolean()).isTrue();
        assertThat(video.get("domain").asString()).isEqualTo("visio.example.org");
        assertThat(video.get("deployment").asString()).isEqualTo("self-hosted");
    }
}
