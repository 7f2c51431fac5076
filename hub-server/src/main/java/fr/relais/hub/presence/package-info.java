/**
 * Ephemeral state, never stored: who is online/away/offline and who is typing where. Presence changes
 * are broadcast on {@code /topic/presence}; typing on the channel's topic as {@code {"type":"typing"}}.
 */
package fr.relais.hub.presence;
