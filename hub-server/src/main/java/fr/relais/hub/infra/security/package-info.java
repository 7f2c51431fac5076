/**
 * HTTP security: the filter chain, the hub's own access tokens (HS256 JWTs signed with a key kept in
 * MongoDB so every node shares it), and the mapping from a validated token to a {@link fr.relais.hub.identity.User}.
 * STOMP frames are authenticated in {@code infra.stomp} with the same {@link fr.relais.hub.infra.security.AccessTokens}.
 */
package fr.relais.hub.infra.security;
