package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1, 8 digits) and the 6-digit, ±1 step verification the hub uses. */
class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matches_the_rfc_6238_test_vectors() {
        assertThat(Totp.code(RFC_SECRET, 59 / 30, 8, "HmacSHA1")).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30, 8, "HmacSHA1")).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30, 8, "HmacSHA1")).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, 20000000000L / 30, 8, "HmacSHA1")).isEqualTo("65353130");
    }

    @Test
    void base32_round_trips_and_codes_are_accepted_one_step_either_side_only() {
        String secret = Totp.base32(RFC_SECRET);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32(secret)).isEqualTo(RFC_SECRET);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(secret, now);
        assertThat(Totp.verify(secret, code, now)).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(90))).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
    }
}
