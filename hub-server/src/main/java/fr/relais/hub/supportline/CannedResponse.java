package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;

/**
 * A prepared answer staff insert into a reply. The body may use variables, replaced when rendered for
 * a ticket: {@code {{requester.name}}}, {@code {{requester.username}}}, {@code {{ticket.number}}},
 * {@code {{ticket.subject}}}, {@code {{ticket.category}}}, {@code {{federation.code}}},
 * {@code {{federation.name}}}, {@code {{agent.name}}}.
 */
public record CannedResponse(String id, String title, String body, UserRef createdBy, Instant updatedAt) {
}
