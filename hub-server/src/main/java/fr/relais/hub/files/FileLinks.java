package fr.relais.hub.files;

import fr.relais.hub.infra.security.TokenSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed download links ({@code /files/{id}?exp=...&sig=...}), so that the browser can show
 * an attachment in an {@code <img>} or {@code <video>} tag, which cannot send a bearer header. A link is
 * only issued to someone allowed to read the file ({@link Attachments#requireReadable}); it expires after
 * {@code relais.files.link-ttl}. The HMAC key is derived from the access-token key, so every hub node
 * accepts the links of the others.
 */
@Component
public class FileLinks {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final FileLimits limits;
    private final Clock clock;

    FileLinks(TokenSigningKey tokenKey, FileLimits limits, Clock clock) {
        this.key = new SecretKeySpec(hmac(tokenKey.key().getEncoded(), "relais-file-links"), ALGORITHM);
        this.limits = limits;
        this.clock = clock;
    }

    public record Link(String url, Instant expiresAt) {
    }

    public Link issue(String fileId) {
        long exp = clock.instant().plus(limits.linkTtl()).getEpochSecond();
        return new Link("/files/" + fileId + "?exp=" + exp + "&sig=" + signature(fileId, exp), Instant.ofEpochSecond(exp));
    }

    public boolean verify(String fileId, long exp, String sig) {
        if (sig == null || exp < clock.instant().getEpochSecond()) return false;
        return MessageDigest.isEqual(signature(fileId, exp).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String fileId, long exp) {
        byte[] mac;
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            mac = m.doFinal((fileId + "\n" + exp).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(key, ALGORITHM));
            return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
