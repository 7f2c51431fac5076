package fr.relais.hub.infra.security;

import fr.relais.hub.identity.User;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated Relais user. Its name is the user id: that is what STOMP user destinations
 * ({@code /user/queue/...}) resolve against.
 */
public final class UserAuthentication extends AbstractAuthenticationToken {
    private final User user;

    public UserAuthentication(User user) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.user = user;
        setAuthenticated(true);
    }

    public User user() {
        return user;
    }

    @Override
    public String getName() {
        return user.id();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    public static List<String> roleNames(User user) {
        return user.roles().stream().map(Enum::name).sorted().toList();
    }
}
