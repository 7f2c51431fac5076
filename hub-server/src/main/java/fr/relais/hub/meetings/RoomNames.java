package fr.relais.hub.meetings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jitsi room names: {@code relais-} followed by 26 lowercase base32 characters (130 bits) of an HMAC of
 * the occurrence key under the meeting's random secret. Unguessable without the secret, the same every
 * time for the same occurrence (also after the occurrence is moved or retitled), different for each
 * occurrence; only {@code [a-z2-7-]}, as Jitsi wants.
 */
final class RoomNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RoomNames() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String of(Meeting meeting, String occurrenceKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(meeting.roomSecret()), "HmacSHA256"));
            byte[] digest = mac.doFinal((meeting.id() + "/" + occurrenceKey).getBytes(StandardCharsets.UTF_8));
            return "relais-" + base32(digest, 26);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < chars) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
