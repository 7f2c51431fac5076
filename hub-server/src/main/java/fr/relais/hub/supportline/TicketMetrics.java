package fr.relais.hub.supportline;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Support figures over a period, for staff: median and 90th percentile of first-response and
 * resolution times (handling time, pauses excluded), satisfaction, and the current backlog — overall,
 * per federation and per category.
 *
 * <p>Computed here from one bounded, projected query rather than with {@code $group}/{@code $percentile}:
 * the embedded store does not have every aggregation stage, and a few thousand tickets a month are
 * quick to sort. Percentiles use the nearest-rank method. When the period holds more tickets than
 * {@code relais.support.max-metrics-tickets}, the answer says {@code truncated}.
 */
@Service
public class TicketMetrics {
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    public record Report(Instant from, Instant to, boolean truncated, Figures overall, Map<String, Figures> byFederation,
                         Map<String, Figures> byCategory, Backlog backlog) {
    }

    /**
     * @param opened   tickets opened in the period
     * @param resolved of those, how many are resolved or closed
     */
    public record Figures(int opened, int resolved, Times firstResponse, Times resolution, SatisfactionFigures satisfaction) {
    }

    /** Durations in seconds; null when there is no sample. */
    public record Times(int count, @Nullable Long medianSeconds, @Nullable Long p90Seconds) {
    }

    public record SatisfactionFigures(int count, @Nullable Double average, Map<Integer, Integer> distribution) {
    }

    /** Tickets not yet resolved, now (whatever the period). */
    public record Backlog(int total, boolean truncated, Map<String, Integer> byStatus, Map<String, Integer> byFederation,
                          Map<String, Integer> byCategory) {
    }

    private final TicketAccess access;
    private final TicketStore store;
    private final SupportProperties properties;
    private final Clock clock;

    TicketMetrics(TicketAccess access, TicketStore store, SupportProperties properties, Clock clock) {
        this.access = access;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Report report(User me, @Nullable Instant from, @Nullable Instant to, @Nullable String federation,
                         @Nullable String category) {
        access.requireStaff(me);
        Instant end = to == null ? Now.of(clock) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) throw RelaisException.invalid("from must be before to");
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) throw RelaisException.invalid("the period is at most 366 days");
        String fed = federation == null || federation.isBlank() ? null : federation.trim().toUpperCase(java.util.Locale.ROOT);
        String cat = category == null || category.isBlank() ? null : category.trim();
        int limit = properties.maxMetricsTickets();
        List<TicketFigures> opened = store.openedBetween(start, end, fed, cat, limit + 1);
        boolean truncated = opened.size() > limit;
        if (truncated) opened = opened.subList(0, limit);
        List<TicketFigures> active = store.backlog(fed, cat, limit + 1);
        boolean backlogTruncated = active.size() > limit;
        if (backlogTruncated) active = active.subList(0, limit);
        return new Report(start, end, truncated, figures(opened), grouped(opened, TicketFigures::federation),
                grouped(opened, TicketFigures::category), backlog(active, backlogTruncated));
    }

    private static Map<String, Figures> grouped(List<TicketFigures> tickets, Function<TicketFigures, String> key) {
        Map<String, List<TicketFigures>> groups = new TreeMap<>();
        for (TicketFigures t : tickets) groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        Map<String, Figures> result = new TreeMap<>();
        groups.forEach((k, v) -> result.put(k, figures(v)));
        return result;
    }

    static Figures figures(List<TicketFigures> tickets) {
        List<Long> first = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        Map<Integer, Integer> ratings = new TreeMap<>();
        int resolved = 0;
        long ratingSum = 0;
        int rated = 0;
        for (TicketFigures t : tickets) {
            if (t.firstResponseMillis() != null) first.add(t.firstResponseMillis());
            if (t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED) {
                resolved++;
                if (t.resolutionMillis() != null) resolution.add(t.resolutionMillis());
            }
            if (t.rating() != null) {
                ratings.merge(t.rating(), 1, Integer::sum);
                ratingSum += t.rating();
                rated++;
            }
        }
        Double average = rated == 0 ? null : Math.round(ratingSum * 100.0 / rated) / 100.0;
        return new Figures(tickets.size(), resolved, times(first), times(resolution),
                new SatisfactionFigures(rated, average, ratings));
    }

    static Times times(List<Long> millis) {
        if (millis.isEmpty()) return new Times(0, null, null);
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Times(sorted.size(), percentile(sorted, 50) / 1000, percentile(sorted, 90) / 1000);
    }

    /** Nearest-rank percentile of an ascending, non-empty list. */
    static long percentile(List<Long> ascending, int p) {
        int rank = (int) Math.ceil(p / 100.0 * ascending.size());
        return ascending.get(Math.max(0, Math.min(ascending.size() - 1, rank - 1)));
    }

    private static Backlog backlog(List<TicketFigures> active, boolean truncated) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byFederation = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        for (TicketFigures t : active) {
            byStatus.merge(t.status().wireName(), 1, Integer::sum);
            byFederation.merge(t.federation(), 1, Integer::sum);
            byCategory.merge(t.category(), 1, Integer::sum);
        }
        return new Backlog(active.size(), truncated, byStatus, byFederation, byCategory);
    }
}
