package fr.relais.hub.supportline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support line's settings ({@code relais.support.*}, documented in README "Configuration" and
 * docs/api.md "Support line").
 *
 * @param requesterRoles  roles (by name) that may open tickets and follow their federation's tickets;
 *                        roles the hub does not know yet count as {@code MEMBER}
 * @param categories      ticket categories, each with the queue its new tickets land in
 * @param queues          staff queues tickets can be transferred between
 * @param targets         response-time targets per priority
 * @param warnRatio       share of a target after which the queue is warned (0.8 = at 80% of the time)
 * @param reopenWindow    how long after resolution the requester may reopen a ticket
 * @param autoCloseAfter  how long after resolution a ticket closes by itself
 * @param sweepInterval   how often the timer sweep runs (alerts, auto-close)
 * @param maxTextChars    longest description, reply or note
 * @param maxMetricsTickets most tickets one metrics call reads; beyond, the answer says {@code truncated}
 */
@ConfigurationProperties("relais.support")
public record SupportProperties(List<String> requesterRoles, List<Category> categories, List<String> queues,
                                Map<Priority, Target> targets, double warnRatio, Duration reopenWindow,
                                Duration autoCloseAfter, Duration sweepInterval, int maxTextChars,
                                int maxMetricsTickets) {

    /** A category id (stable, used as i18n key by the web client) and the queue its tickets start in. */
    public record Category(String id, String queue) {
    }

    /** Response-time targets of one priority, counted in handling time (pauses excluded). */
    public record Target(Duration firstResponse, Duration resolution) {
    }

    public SupportProperties {
        if (requesterRoles == null || requesterRoles.isEmpty()) requesterRoles = List.of("FEDERATION_COORDINATOR");
        if (categories == null || categories.isEmpty()) {
            categories = List.of(new Category("tools-and-accounts", "digital"), new Category("equipment", "logistics"),
                    new Category("content-and-visuals", "communication"), new Category("legal-and-gdpr", "legal"),
                    new Category("campaign", "campaign"), new Category("other", "general"));
        }
        if (queues == null || queues.isEmpty()) {
            queues = categories.stream().map(Category::queue).distinct().toList();
        } else {
            List<String> all = new java.util.ArrayList<>(queues);
            categories.stream().map(Category::queue).filter(q -> !all.contains(q)).forEach(all::add);
            queues = List.copyOf(all);
        }
        Map<Priority, Target> merged = new LinkedHashMap<>(Map.of(
                Priority.URGENT, new Target(Duration.ofHours(1), Duration.ofHours(8)),
                Priority.HIGH, new Target(Duration.ofHours(4), Duration.ofHours(24)),
                Priority.NORMAL, new Target(Duration.ofHours(8), Duration.ofDays(3)),
                Priority.LOW, new Target(Duration.ofDays(1), Duration.ofDays(7))));
        if (targets != null) targets.forEach((p, t) -> {
            if (t != null && t.firstResponse() != null && t.resolution() != null) merged.put(p, t);
        });
        targets = Map.copyOf(merged);
        if (warnRatio <= 0 || warnRatio >= 1) warnRatio = 0.8;
        if (reopenWindow == null || reopenWindow.isNegative()) reopenWindow = Duration.ofDays(7);
        if (autoCloseAfter == null || autoCloseAfter.isZero() || autoCloseAfter.isNegative()) autoCloseAfter = Duration.ofDays(7);
        if (sweepInterval == null || sweepInterval.isZero() || sweepInterval.isNegative()) sweepInterval = Duration.ofSeconds(30);
        if (maxTextChars <= 0) maxTextChars = 20_000;
        if (maxMetricsTickets <= 0) maxMetricsTickets = 50_000;
        requesterRoles = List.copyOf(requesterRoles);
        categories = List.copyOf(categories);
    }

    public Target target(Priority priority) {
        return targets.get(priority);
    }

    public java.util.Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
