package fr.relais.hub.bots;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signature of a webhook body, both ways: header {@code X-Relais-Signature: sha256=<hex HMAC-SHA256
 * of the raw body under the webhook's secret>}. Verification is constant-time.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Relais-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    public static boolean verify(String secret, byte[] body, @Nullable String header) {
        if (header == null || !header.strip().toLowerCase(java.util.Locale.ROOT).startsWith(PREFIX)) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.strip().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
