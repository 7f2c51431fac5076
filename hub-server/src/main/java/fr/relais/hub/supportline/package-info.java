/**
 * The support line: federation coordinators open tickets, HQ staff answer them from a live queue,
 * with response-time targets, internal notes, canned responses and metrics.
 *
 * <p>Layers point one way: {@code web → supportline ← store}. This package holds the domain (records,
 * services, the ports it needs) and imports no Spring Messaging or MongoDB type.
 *
 * <ul>
 *   <li>{@link fr.relais.hub.supportline.TicketAccess} is the one door: who may open, see and act on a
 *       ticket. REST, STOMP subscriptions, search and export all ask it. A ticket someone may not see
 *       is reported as {@code ticket_not_found}.</li>
 *   <li>Every change to a ticket is computed on a copy and written back with a compare-and-set on the
 *       ticket's {@code version} ({@link fr.relais.hub.supportline.TicketUpdater}); the state change and
 *       its {@link fr.relais.hub.supportline.Transition} record are one document write, so no
 *       multi-document transaction is needed. Two staff claiming at once: exactly one write succeeds.</li>
 *   <li>Committed changes become past-tense {@link fr.relais.hub.supportline.TicketEvent} records handed
 *       to the {@link fr.relais.hub.supportline.TicketEventPublisher} port; the web layer decides which
 *       topic receives which projection. Internal notes and staff-only fields never leave through a
 *       requester-facing projection.</li>
 *   <li>{@link fr.relais.hub.supportline.TicketTimers} sweeps due alerts and auto-closes; each alert is
 *       claimed by a compare-and-set in MongoDB, so with several hub nodes it fires once.</li>
 * </ul>
 */
package fr.relais.hub.supportline;
