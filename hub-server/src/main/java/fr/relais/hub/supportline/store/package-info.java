/**
 * MongoDB implementations of the support line's ports: {@code support_tickets} (+ {@code support_counters}),
 * {@code support_posts}, {@code support_canned_responses}. Each repository's Javadoc gives its layout,
 * indexes and guarantee.
 */
package fr.relais.hub.supportline.store;
