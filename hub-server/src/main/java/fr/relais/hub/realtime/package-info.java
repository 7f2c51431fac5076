/**
 * Real-time delivery: the seam between features and sockets. Features hand over committed events
 * ({@link fr.relais.hub.chat.ChannelEventPublisher}) or personal notifications
 * ({@link fr.relais.hub.realtime.PersonalEvents}); this package serialises each event once and fans it
 * out to the subscribers on this node, then tells local {@link fr.relais.hub.realtime.ChannelEventListener}s.
 * Cross-node fan-out (Redis) plugs in behind the same interfaces.
 */
package fr.relais.hub.realtime;
