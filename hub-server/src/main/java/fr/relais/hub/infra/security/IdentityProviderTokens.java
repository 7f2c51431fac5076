package fr.relais.hub.infra.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Validates access tokens of the party's identity provider (resource server): signature by the
 * provider's published keys (discovered from the issuer and cached by Nimbus), {@code iss} equal to
 * the configured issuer, {@code aud} containing the configured audience, and the usual time checks.
 * The provider is contacted lazily, so the hub starts even when it is briefly unreachable.
 */
@Component
class IdentityProviderTokens {
    private final SecurityProperties.Oidc oidc;
    private final Supplier<JwtDecoder> decoder;

    IdentityProviderTokens(SecurityProperties properties) {
        this.oidc = properties.oidc();
        this.decoder = SingletonSupplier.of(this::build);
    }

    boolean accepts(String issuer) {
        return oidc.enabled() && oidc.issuerUri().equals(issuer);
    }

    Jwt decode(String token) {
        return decoder.get().decode(token);
    }

    private JwtDecoder build() {
        NimbusJwtDecoder jwt = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(oidc.audience()));
        jwt.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()), audience));
        return jwt;
    }
}
