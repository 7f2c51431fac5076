/**
 * HTTP security: the filter chain (bearer tokens, single sign-on with the party's OIDC provider,
 * cookie sessions with CSRF, security headers), the hub's own access tokens (HS256 JWTs signed with a
 * key kept in MongoDB so every node shares it), validation of the provider's tokens and claim mapping,
 * rate limits, and the in-process delivery of revocations. STOMP frames are authenticated in
 * {@code infra.stomp} with the same {@link fr.relais.hub.infra.security.AccessTokens}.
 */
package fr.relais.hub.infra.security;
