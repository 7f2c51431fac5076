package fr.relais.hub.identity.web;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Invitations;
import fr.relais.hub.identity.NewUser;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.TwoFactor;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.security.SecurityProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People: lookup for everybody; account creation, roles, deactivation and password resets for national admins. */
@RestController
@RequestMapping("/api/v1")
class UserController {
    private final UserDirectory users;
    private final Invitations invitations;
    private final TwoFactor twoFactor;
    private final SecurityProperties properties;
    private final AuditLog audit;

    UserController(UserDirectory users, Invitations invitations, TwoFactor twoFactor, SecurityProperties properties,
                   AuditLog audit) {
        this.users = users;
        this.invitations = invitations;
        this.twoFactor = twoFactor;
        this.properties = properties;
        this.audit = audit;
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal User me) {
        return UserResponse.of(me);
    }

    /** People search for @mention autocomplete and starting a direct message. */
    @GetMapping("/users")
    List<UserResponse> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit) {
        return users.search(q, limit).stream().filter(User::active).map(UserResponse::of).toList();
    }

    @GetMapping("/users/{id}")
    UserResponse get(@PathVariable String id) {
        return UserResponse.of(users.require(id));
    }

    record CreateUserRequest(String username, String displayName, String federation, List<String> roles, String password) {
    }

    /** National admins create accounts directly; everybody else comes through invitations or single sign-on. */
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@AuthenticationPrincipal User me, @RequestBody CreateUserRequest request) {
        requireAdmin(me, "Only a national admin creates accounts");
        User created = users.create(new NewUser(request.username(), request.displayName(), request.federation(),
                roles(request.roles()), request.password()));
        audit.record(AuditLog.USER_CREATED, me.id(), created.id(), "username", created.username(),
                "federation", created.federation(), "roles", String.join(",", UserResponse.of(created).roles()));
        return UserResponse.of(created);
    }

    record RolesRequest(List<String> roles, String federation) {
    }

    /** Changes roles and federation; the person's live connections are closed so everything is authorised again. */
    @PutMapping("/users/{id}/roles")
    UserResponse changeRoles(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody RolesRequest body) {
        requireAdmin(me, "Only a national admin changes roles");
        User before = users.require(id);
        User after = users.changeRoles(id, roles(body.roles()), body.federation());
        audit.record(AuditLog.ROLES_CHANGED, me.id(), id, "before", String.join(",", UserResponse.of(before).roles()),
                "after", String.join(",", UserResponse.of(after).roles()), "federation", after.federation());
        return UserResponse.of(after);
    }

    /** Deactivates the account: every session and token revoked, every live connection closed within a second. */
    @PostMapping("/users/{id}/deactivate")
    UserResponse deactivate(@AuthenticationPrincipal User me, @PathVariable String id) {
        requireAdmin(me, "Only a national admin deactivates accounts");
        if (me.id().equals(id)) throw RelaisException.invalid("You cannot deactivate yourself");
        User user = users.deactivate(id);
        audit.record(AuditLog.USER_DEACTIVATED, me.id(), id, "username", user.username());
        return UserResponse.of(user);
    }

    @PostMapping("/users/{id}/reactivate")
    UserResponse reactivate(@AuthenticationPrincipal User me, @PathVariable String id) {
        requireAdmin(me, "Only a national admin reactivates accounts");
        return UserResponse.of(users.reactivate(id));
    }

    record ResetRequest(Boolean resetTwoFactor) {
    }

    record ResetResponse(String token, String expiresAt) {
    }

    /** A single-use password-reset link for the person (given to them out of band); optionally turns off their TOTP. */
    @PostMapping("/users/{id}/password-reset")
    @ResponseStatus(HttpStatus.CREATED)
    ResetResponse passwordReset(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody(required = false) ResetRequest body) {
        requireAdmin(me, "Only a national admin resets passwords");
        User target = users.require(id);
        Invitations.Issued issued = invitations.passwordReset(me, target, properties.passwordResetTtl());
        if (body != null && Boolean.TRUE.equals(body.resetTwoFactor())) twoFactor.reset(id);
        audit.record(AuditLog.PASSWORD_RESET_ISSUED, me.id(), id, "resetTwoFactor",
                String.valueOf(body != null && Boolean.TRUE.equals(body.resetTwoFactor())));
        return new ResetResponse(issued.secret(), issued.token().expiresAt().toString());
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("unknown role: " + r);
            }
        }
        return roles;
    }

    private static void requireAdmin(User me, String message) {
        if (!me.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden(message);
    }
}
