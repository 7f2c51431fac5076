/**
 * Channels and who may do what in them. {@link fr.relais.hub.channels.ChannelAccess} is the single
 * authorisation door for channel reads, posts and moderation, used by REST, STOMP SUBSCRIBE/SEND and
 * search alike. {@code store/} owns the {@code channels} and {@code read_markers} collections.
 */
package fr.relais.hub.channels;
