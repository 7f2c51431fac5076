package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Optional TOTP two-factor authentication for local accounts ({@link Totp}). Enrolment is in two
 * steps: {@link #begin} hands out a secret (shown once, as an otpauth URI for the phone app), and only
 * {@link #confirm} with a valid code turns it on; from then on a login needs a code. The secret is
 * stored sealed ({@link TotpSecrets}); one found in clear (stored by an older hub) is sealed as soon as a
 * code checked against it is valid.
 */
@Service
public class TwoFactor {
    private final UserStore store;
    private final TotpSecrets secrets;
    private final Clock clock;

    TwoFactor(UserStore store, TotpSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
        this.clock = Clock.systemUTC(); // codes follow the real time of the phone app
    }

    public record Enrolment(String secret, String otpauthUri) {
    }

    public Enrolment begin(User user) {
        if (isEnabled(user)) throw new RelaisException(ErrorCode.CONFLICT, "Two-factor authentication is already on");
        String secret = Totp.newSecret();
        store.saveTotp(user.id(), new UserStore.TotpEnrolment(secrets.seal(secret), false));
        return new Enrolment(secret, Totp.otpauthUri("Relais", user.username(), secret));
    }

    public void confirm(User user, String code) {
        UserStore.TotpEnrolment pending = store.totp(user.id())
                .orElseThrow(() -> RelaisException.invalid("Start the enrolment first"));
        String secret = secrets.open(pending.secret());
        if (!Totp.verify(secret, code, clock.instant())) throw RelaisException.invalid("The code is not valid");
        store.saveTotp(user.id(), new UserStore.TotpEnrolment(secrets.seal(secret), true));
    }

    public void disable(User user, String code) {
        if (!isEnabled(user)) return;
        if (!verify(user, code)) throw RelaisException.invalid("The code is not valid");
        store.saveTotp(user.id(), null);
    }

    /** Used by an admin together with a password reset, for someone who lost their phone. */
    public void reset(String userId) {
        store.saveTotp(userId, null);
    }

    public boolean isEnabled(User user) {
        return store.totp(user.id()).map(UserStore.TotpEnrolment::enabled).orElse(false);
    }

    public boolean verify(User user, String code) {
        Optional<UserStore.TotpEnrolment> enrolment = store.totp(user.id()).filter(UserStore.TotpEnrolment::enabled);
        if (enrolment.isEmpty()) return false;
        String stored = enrolment.get().secret();
        if (!Totp.verify(secrets.open(stored), code, clock.instant())) return false;
        if (!secrets.isSealed(stored)) store.replaceTotpSecret(user.id(), stored, secrets.seal(stored));
        return true;
    }
}
