package fr.relais.hub.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person as the party's identity provider describes them, after claim mapping
 * ({@code infra.security.OidcClaimMapper}): who they are at the provider and what that makes them in Relais.
 */
public record ExternalIdentity(String issuer, String subject, String username, String displayName,
                               @Nullable String federation, Set<Role> roles) {
    public ExternalIdentity {
        roles = Set.copyOf(roles);
    }

    public String externalId() {
        return issuer + "|" + subject;
    }
}
