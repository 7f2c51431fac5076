package fr.relais.hub.infra.security;

import fr.relais.hub.identity.ExternalIdentity;
import fr.relais.hub.identity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the claims of the identity provider (ID token, userinfo or access token) into an
 * {@link ExternalIdentity}, as configured in {@code relais.security.oidc}:
 * <ul>
 *   <li>username from {@code username-claim} (default {@code preferred_username}, else {@code sub});</li>
 *   <li>display name from {@code display-name-claim} (default {@code name});</li>
 *   <li>federation from {@code federation-claim} (default {@code federation}), a code such as "29";</li>
 *   <li>roles from {@code roles-claim} (default {@code groups}; dotted paths reach nested claims, e.g.
 *       Keycloak's {@code realm_access.roles}), each value through {@code role-mapping}, else matched to a
 *       role name; values that map to nothing are ignored, and nobody gets more than they are mapped to:
 *       with no mapped value the user gets {@code default-role}.</li>
 * </ul>
 */
@Component
public class OidcClaimMapper {
    private final SecurityProperties.Oidc oidc;

    OidcClaimMapper(SecurityProperties properties) {
        this.oidc = properties.oidc();
    }

    public ExternalIdentity map(String issuer, Map<String, Object> claims) {
        String subject = string(claims.get("sub"));
        if (subject == null) throw new IllegalArgumentException("no sub claim");
        String username = string(find(claims, oidc.usernameClaim()));
        if (username == null) username = subject;
        String displayName = string(find(claims, oidc.displayNameClaim()));
        String federation = string(find(claims, oidc.federationClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object raw = find(claims, oidc.rolesClaim());
        Collection<?> values = raw instanceof Collection<?> c ? c : raw == null ? java.util.List.of() : java.util.List.of(raw);
        for (Object value : values) {
            Role role = toRole(String.valueOf(value));
            if (role != null) roles.add(role);
        }
        if (roles.isEmpty()) roles.add(oidc.defaultRole());
        return new ExternalIdentity(issuer, subject, username, displayName == null ? username : displayName,
                federation == null ? null : federation.toUpperCase(Locale.ROOT), roles);
    }

    private Role toRole(String value) {
        Role mapped = oidc.roleMapping().get(value);
        if (mapped != null) return mapped;
        String name = value.startsWith("/") ? value.substring(1) : value;
        name = name.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : Role.values()) if (r.name().equals(name)) return r;
        return null;
    }

    private static Object find(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(part);
        }
        return current;
    }

    private static String string(Object value) {
        if (value == null) return null;
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }
}
