/** Personal notifications derived from channel events: mentions and direct messages, on {@code /user/queue/events}. */
package fr.relais.hub.notifications;
