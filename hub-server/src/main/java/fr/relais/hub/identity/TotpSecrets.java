package fr.relais.hub.identity;

import fr.relais.hub.bots.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets before they are stored, with the hub's AES-GCM {@link SecretBox} (the one that
 * seals webhook secrets, key {@code relais.bots.secret-key}). A digest would not do: checking a code
 * needs the secret itself. Enrolments stored before secrets were sealed hold the base32 secret in clear;
 * they are still read, and {@link TwoFactor} seals them at the next code that verifies.
 */
@Component
class TotpSecrets {
    private final SecretBox box;

    TotpSecrets(SecretBox box) {
        this.box = box;
    }

    String seal(String base32Secret) {
        return box.seal(base32Secret);
    }

    /** The base32 secret of a stored enrolment, sealed or (written by an older hub) in clear. */
    String open(String stored) {
        return isSealed(stored) ? box.open(stored) : stored;
    }

    /** A sealed value has a format prefix ({@code v1:}); base32 has no ':' so a clear secret never does. */
    boolean isSealed(String stored) {
        return stored.indexOf(':') >= 0;
    }
}
