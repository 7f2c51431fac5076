package fr.relais.hub.bots;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest (AES-GCM, random 96-bit nonce, {@code v1:<base64 nonce+ciphertext>}).
 * A webhook signature is an HMAC keyed by the secret, so the hub must be able to read it back: a digest
 * would not do. The key comes from {@code relais.bots.secret-key}; without one it is generated once and
 * kept in MongoDB, which protects exports of single collections but not a full dump — set the key in
 * production and keep it out of the database backups.
 */
@Component
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    SecretBox(BotsProperties properties, BotKeyStore keys) {
        byte[] raw = properties.secretKey().isBlank()
                ? keys.getOrCreate("webhook-secrets", () -> randomBytes(32))
                : Base64.getDecoder().decode(properties.secretKey().strip());
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("relais.bots.secret-key must be 16, 24 or 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A new webhook secret: 256 random bits, URL-safe base64. */
    public static String newSecret() {
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    public String seal(String secret) {
        try {
            byte[] nonce = randomBytes(12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String sealed) {
        if (!sealed.startsWith("v1:")) throw new IllegalStateException("unknown secret format");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret cannot be decrypted (was relais.bots.secret-key changed?)", e);
        }
    }
}
