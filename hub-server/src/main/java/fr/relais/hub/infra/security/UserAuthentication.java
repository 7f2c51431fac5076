package fr.relais.hub.infra.security;

import fr.relais.hub.identity.User;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated Relais user. Its name is the user id: that is what STOMP user destinations
 * ({@code /user/queue/...}) resolve against. {@code sessionId} is the hub session (login, browser or
 * personal access token) the credentials belong to, or null for an access token of the identity
 * provider (those are revoked at the provider; deactivation still stops them at once).
 */
public final class UserAuthentication extends AbstractAuthenticationToken {
    private final User user;
    private final @Nullable String sessionId;

    public UserAuthentication(User user) {
        this(user, null);
    }

    public UserAuthentication(User user, @Nullable String sessionId) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.user = user;
        this.sessionId = sessionId;
        setAuthenticated(true);
    }

    public User user() {
        return user;
    }

    public @Nullable String sessionId() {
        return sessionId;
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
