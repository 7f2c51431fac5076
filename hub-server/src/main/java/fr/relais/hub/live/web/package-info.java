/**
 * REST ({@code /api/v1/channels/<id>/live}) and STOMP ({@code /topic/live.<id>}, SEND
 * {@code /app/live.<id>.react}) side of live sessions.
 */
package fr.relais.hub.live.web;
