/**
 * MongoDB side of meetings: {@code meetings}, {@code meeting_rsvps}, {@code calendar_feeds} and the
 * once-only ledger {@code meeting_claims} (layouts in each class's Javadoc).
 */
package fr.relais.hub.meetings.store;
