package fr.relais.hub.supportline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The few fields of a ticket that metrics need (read with a projection). */
public record TicketFigures(String federation, String category, TicketStatus status, Instant createdAt,
                            @Nullable Long firstResponseMillis, @Nullable Long resolutionMillis,
                            @Nullable Integer rating) {
}
