package fr.relais.hub.identity.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.NewUser;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class UserController {
    private final UserDirectory users;

    UserController(UserDirectory users) {
        this.users = users;
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

    /** National admins create accounts (invitations for everybody else come with the identity work). */
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@AuthenticationPrincipal User me, @RequestBody CreateUserRequest request) {
        if (!me.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden("Only a national admin creates accounts");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : request.roles() == null ? List.<String>of() : request.roles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("unknown role: " + r);
            }
        }
        return UserResponse.of(users.create(new NewUser(request.username(), request.displayName(),
                request.federation(), roles, request.password())));
    }
}
