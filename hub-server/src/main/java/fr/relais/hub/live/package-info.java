/**
 * Live sessions: a channel switched "live" by one of its moderators (for example {@code #directs}
 * during a televised debate): a pinned banner with a title and a link, slow mode (at most one message
 * per N seconds per member, moderators exempt, enforced on every post through
 * {@link fr.relais.hub.chat.PostPolicy}), reactions counted in bulk and broadcast as aggregates (one
 * event per second per channel instead of one per reaction), and at the end a summary message with the
 * participation figures.
 *
 * <p>{@link fr.relais.hub.live.LiveTopic} owns {@code /topic/live.<channelId>}, which also carries the
 * "meeting in progress" events of {@code fr.relais.hub.meetings}. Layers: {@code web → live ← store}.
 */
package fr.relais.hub.live;
