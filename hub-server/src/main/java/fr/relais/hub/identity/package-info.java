/**
 * Who people are and how they are signed in: users, their federation and roles, local passwords and
 * TOTP, sessions and personal access tokens ({@link fr.relais.hub.identity.AuthSessions}), invitations
 * and password resets, accounts provisioned from the party's identity provider. Revocations leave
 * through the port {@link fr.relais.hub.identity.AccessRevocations}. {@link fr.relais.hub.identity.UserDirectory}
 * is the door other features use to look people up; {@code store/} owns the {@code users},
 * {@code auth_sessions} and {@code one_time_tokens} collections; {@code web/} is the REST surface.
 */
package fr.relais.hub.identity;
