package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.util.Locale;
import java.util.Set;

/**
 * What a local password must be (NIST SP 800-63B style: length over composition rules): 10 to 128
 * characters, not the username, not one of the passwords every attacker tries first, not a
 * single repeated character. Rejections carry {@code weak_password}.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "0123456789", "azertyuiop",
            "qwertyuiop", "motdepasse", "motdepasse1", "password123", "password1234", "passwordpassword",
            "iloveyou123", "azerty1234", "azerty123456", "1q2w3e4r5t", "soleil1234", "bonjour123", "changeme123",
            "administrator", "relais1234", "relaisrelais");

    private PasswordPolicy() {
    }

    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw weak("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) throw weak("this password is among the most common ones; choose another");
        if (lower.chars().distinct().count() < 4) throw weak("password needs at least 4 different characters");
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw weak("password must not be the username");
        }
    }

    private static RelaisException weak(String message) {
        return new RelaisException(ErrorCode.WEAK_PASSWORD, message);
    }
}
