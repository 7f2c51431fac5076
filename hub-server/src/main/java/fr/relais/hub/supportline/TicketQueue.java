package fr.relais.hub.supportline;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Lists tickets as each person may see them: staff see the queue of all federations with every filter;
 * the requester side sees its own federation's tickets only, whatever it asks for. Text search looks in
 * subjects, descriptions and the conversation — in internal notes only for staff.
 */
@Service
public class TicketQueue {
    static final int MAX_PAGE = 200;
    static final int MAX_COUNTED = 10_000;
    private static final int MAX_TEXT_MATCHES = 2_000;

    /** Filters as asked for (null = any). {@code assignee}: a staff id, {@code me} or {@code none}. */
    public record Filter(@Nullable Set<TicketStatus> statuses, @Nullable String category, @Nullable String priority,
                         @Nullable String federation, @Nullable String queue, @Nullable String assignee,
                         @Nullable String text, @Nullable String sort, int offset, int limit) {
    }

    /** Counts for the staff console: per queue and status, unassigned and breached per queue. */
    public record Counts(int active, Map<String, QueueCount> queues) {
    }

    public record QueueCount(int total, int unassigned, int breached, Map<String, Integer> byStatus) {
    }

    private final TicketAccess access;
    private final TicketStore tickets;
    private final TicketPostStore posts;
    private final SupportProperties properties;

    TicketQueue(TicketAccess access, TicketStore tickets, TicketPostStore posts, SupportProperties properties) {
        this.access = access;
        this.tickets = tickets;
        this.posts = posts;
        this.properties = properties;
    }

    public List<Ticket> list(User me, Filter f, Set<TicketStatus> defaultStatuses) {
        access.requireSeesSomeTickets(me);
        boolean staff = access.isStaff(me);
        String federation = staff ? upper(f.federation()) : me.federation().toUpperCase(Locale.ROOT);
        Set<TicketStatus> statuses = f.statuses() == null || f.statuses().isEmpty() ? defaultStatuses : f.statuses();
        Priority priority = null;
        if (staff && f.priority() != null && !f.priority().isBlank()) { // priority is staff-only: no filtering on it either
            try {
                priority = Priority.parse(f.priority());
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("priority must be low, normal, high or urgent");
            }
        }
        String assignee = staff ? assignee(me, f.assignee()) : null;
        String text = f.text() == null || f.text().isBlank() ? null : f.text().strip();
        if (text != null && text.length() > 200) throw RelaisException.invalid("q is at most 200 characters");
        Set<String> fromPosts = text == null ? null : posts.ticketIdsMatching(text, staff, MAX_TEXT_MATCHES);
        TicketQuery query = new TicketQuery(federation, statuses, blankToNull(f.category()), priority,
                staff ? blankToNull(f.queue()) : null, assignee, text, fromPosts, sort(f.sort()),
                Math.max(0, f.offset()), Math.min(Math.max(f.limit(), 1), MAX_PAGE));
        List<Ticket> found = tickets.search(query);
        return found.stream().filter(t -> access.canView(me, t)).toList(); // belt and braces
    }

    public Counts counts(User me) {
        access.requireStaff(me);
        Map<String, QueueCount> byQueue = new LinkedHashMap<>();
        properties.queues().forEach(q -> byQueue.put(q, new QueueCount(0, 0, 0, Map.of())));
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        List<Ticket> active = tickets.activeTickets(MAX_COUNTED);
        for (Ticket t : active) {
            int[] n = totals.computeIfAbsent(t.queue(), q -> new int[3]);
            n[0]++;
            if (t.assignee() == null) n[1]++;
            if (t.sla().firstResponseBreached() || t.sla().resolutionBreached()) n[2]++;
            statuses.computeIfAbsent(t.queue(), q -> new TreeMap<>()).merge(t.status().wireName(), 1, Integer::sum);
        }
        totals.forEach((q, n) -> byQueue.put(q, new QueueCount(n[0], n[1], n[2], statuses.get(q))));
        return new Counts(active.size(), byQueue);
    }

    private static String assignee(User me, String value) {
        if (value == null || value.isBlank()) return null;
        if (value.equals("me")) return me.id();
        return value;
    }

    private static TicketQuery.Sort sort(String value) {
        if (value == null || value.isBlank()) return TicketQuery.Sort.WAITING;
        try {
            return TicketQuery.Sort.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("sort must be waiting, priority, created or updated");
        }
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
