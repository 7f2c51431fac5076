/**
 * Who people are: users, their federation and roles, passwords and access tokens.
 * {@link fr.relais.hub.identity.UserDirectory} is the door other features use to look people up;
 * {@code store/} owns the {@code users} collection; {@code web/} is the REST surface.
 */
package fr.relais.hub.identity;
