package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Invitation links (local accounts) and admin-issued password-reset links: single use, expiring,
 * stored as a digest. A national admin invites anyone anywhere; a federation coordinator invites
 * members and sympathisants into their own federation only.
 */
@Service
public class Invitations {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Role> COORDINATOR_MAY_INVITE = EnumSet.of(Role.MEMBER, Role.SYMPATHISANT);

    private final OneTimeTokenStore store;
    private final UserDirectory users;
    private final Clock clock;

    public Invitations(OneTimeTokenStore store, UserDirectory users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    /** The link's secret is in {@code secret}: shown once, never stored. */
    public record Issued(OneTimeToken token, String secret) {
    }

    public Issued invite(User inviter, @Nullable String federation, Set<Role> roles, Duration ttl) {
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
        String target = federation;
        if (!inviter.has(Role.NATIONAL_ADMIN)) {
            if (!inviter.has(Role.FEDERATION_COORDINATOR) || inviter.federation() == null) {
                throw RelaisException.forbidden("Only national admins and federation coordinators send invitations");
            }
            if (target == null) target = inviter.federation();
            if (!inviter.belongsTo(target)) throw RelaisException.forbidden("A coordinator invites into their own federation only");
            if (!COORDINATOR_MAY_INVITE.containsAll(wanted)) {
                throw RelaisException.forbidden("A coordinator invites members and sympathisants only");
            }
        }
        if ((wanted.contains(Role.FEDERATION_COORDINATOR) || wanted.contains(Role.REGIONAL_DELEGATE)) && target == null) {
            throw RelaisException.invalid("a federation coordinator or regional delegate needs a federation");
        }
        return issue(OneTimeToken.Purpose.INVITATION, inviter, target, wanted, null, ttl);
    }

    public Issued passwordReset(User admin, User target, Duration ttl) {
        if (!admin.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden("Only a national admin resets passwords");
        return issue(OneTimeToken.Purpose.PASSWORD_RESET, admin, null, Set.of(), target.id(), ttl);
    }

    /** What an invitation link offers, before the invitee chooses a username (for the sign-up page). */
    public OneTimeToken peek(String secret, OneTimeToken.Purpose purpose) {
        return store.findBySecretDigest(AuthSessions.digest(secret == null ? "" : secret))
                .filter(t -> t.purpose() == purpose && t.usableAt(clock.instant()))
                .orElseThrow(() -> new RelaisException(ErrorCode.INVITATION_INVALID, "This link is unknown, used or expired"));
    }

    public User accept(String secret, String username, String displayName, String password) {
        OneTimeToken invitation = peek(secret, OneTimeToken.Purpose.INVITATION);
        String clean = UserDirectory.normaliseUsername(username);
        PasswordPolicy.check(clean, password);
        if (users.findByUsername(clean).isPresent()) throw new RelaisException(ErrorCode.CONFLICT, "username already taken: " + clean);
        if (!store.consume(invitation.id(), clock.instant())) {
            throw new RelaisException(ErrorCode.INVITATION_INVALID, "This link is unknown, used or expired");
        }
        try {
            return users.create(new NewUser(clean, displayName, invitation.federation(), invitation.roles(), password));
        } catch (RuntimeException e) {
            store.release(invitation.id());
            throw e;
        }
    }

    public User completeReset(String secret, String newPassword) {
        OneTimeToken reset = peek(secret, OneTimeToken.Purpose.PASSWORD_RESET);
        User user = users.require(reset.userId());
        PasswordPolicy.check(user.username(), newPassword);
        if (!store.consume(reset.id(), clock.instant())) {
            throw new RelaisException(ErrorCode.INVITATION_INVALID, "This link is unknown, used or expired");
        }
        users.setPassword(user.id(), newPassword);
        return user;
    }

    public List<OneTimeToken> sentBy(User inviter) {
        return store.findByCreator(inviter.id(), OneTimeToken.Purpose.INVITATION, 200);
    }

    private Issued issue(OneTimeToken.Purpose purpose, User creator, @Nullable String federation, Set<Role> roles,
                         @Nullable String userId, Duration ttl) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        OneTimeToken token = new OneTimeToken(UUID.randomUUID().toString(), purpose, creator.id(), now, now.plus(ttl),
                null, federation, roles, userId);
        store.insert(token, AuthSessions.digest(secret));
        return new Issued(token, secret);
    }
}
