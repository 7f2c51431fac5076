/**
 * The support line over REST ({@code /api/v1/support/...}) and STOMP (topics in {@link
 * fr.relais.hub.supportline.web.SupportTopics}): thin controllers, the two wire projections of a ticket
 * ({@link fr.relais.hub.supportline.web.TicketViews}), event routing to topics
 * ({@link fr.relais.hub.supportline.web.StompTicketEvents}) and who-is-viewing tracking.
 */
package fr.relais.hub.supportline.web;
