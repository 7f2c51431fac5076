/**
 * STOMP over WebSocket at {@code /ws}: broker configuration, frame size limits, CONNECT
 * authentication, the SUBSCRIBE/SEND gate (authorisation, known destinations, per-connection rate
 * limit), receipts, and ERROR frames with a stable {@code code} header. Controllers live in the
 * features ({@code chat.web}, ...); this package only carries frames.
 */
package fr.relais.hub.infra.stomp;
