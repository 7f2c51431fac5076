package fr.relais.hub.identity.web;

import fr.relais.hub.identity.User;
import java.util.List;

/** A user as the API shows them. */
public record UserResponse(String id, String username, String displayName, String federation, List<String> roles,
                           boolean bot) {
    public static UserResponse of(User u) {
        return new UserResponse(u.id(), u.username(), u.displayName(), u.federation(),
                u.roles().stream().map(Enum::name).sorted().toList(), u.isBot());
    }
}
