package fr.relais.hub.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands a meeting into its occurrences: the recurrence rule, minus the exceptions, with each
 * occurrence's own changes applied (moved, retitled, cancelled). Pure: no storage, no clock.
 */
public final class Occurrences {
    private Occurrences() {
    }

    /** Occurrences overlapping {@code [from, to)}, cancelled ones included (flagged), ordered by start. */
    public static List<Occurrence> between(Meeting m, Instant from, Instant to) {
        Duration longest = longest(m);
        ZonedDateTime seed = seed(m);
        ZonedDateTime windowStart = from.minus(longest).atZone(m.timeZone());
        ZonedDateTime windowEnd = to.atZone(m.timeZone());
        Set<LocalDateTime> excluded = new HashSet<>(m.exceptions());
        List<Occurrence> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ZonedDateTime original : originalStarts(m, seed, windowStart, windowEnd)) {
            if (excluded.contains(original.toLocalDateTime())) continue;
            Occurrence o = apply(m, original);
            seen.add(o.key());
            if (overlaps(o, from, to)) found.add(o);
        }
        for (Map.Entry<String, OccurrenceChange> e : m.changes().entrySet()) {
            if (seen.contains(e.getKey()) || e.getValue().start() == null) continue;
            find(m, e.getKey()).filter(o -> overlaps(o, from, to)).ifPresent(found::add);
        }
        found.sort(Comparator.comparing((Occurrence o) -> o.start().toInstant()).thenComparing(Occurrence::key));
        return found;
    }

    /**
     * The occurrences of {@code [from, from + window)}, and beyond it, up to {@code lookAhead}, as many
     * more as it takes to list {@code atLeast} that are not cancelled: a monthly meeting with one date
     * skipped still shows its next few dates, as a calendar would.
     */
    public static List<Occurrence> upcoming(Meeting m, Instant from, Duration window, int atLeast, Duration lookAhead) {
        Instant windowEnd = from.plus(window);
        List<Occurrence> inWindow = between(m, from, windowEnd);
        if (inWindow.stream().filter(o -> !o.cancelled()).count() >= atLeast) return inWindow;
        // Few in the window (rare: a monthly series, dates skipped): the longer range, cut after the atLeast-th.
        List<Occurrence> listed = new ArrayList<>();
        int notCancelled = 0;
        for (Occurrence o : between(m, from, from.plus(lookAhead))) {
            boolean beyondWindow = !o.start().toInstant().isBefore(windowEnd);
            if (beyondWindow && notCancelled >= atLeast) break;
            listed.add(o);
            if (!o.cancelled()) notCancelled++;
        }
        return listed;
    }

    /** The occurrence with this key, if the series has one (an exception has none). */
    public static Optional<Occurrence> find(Meeting m, String key) {
        LocalDateTime original;
        try {
            original = Occurrence.parseKey(key);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (m.exceptions().contains(original)) return Optional.empty();
        ZonedDateTime start = original.atZone(m.timeZone());
        if (!m.recurring()) {
            return original.equals(m.start()) ? Optional.of(apply(m, start)) : Optional.empty();
        }
        List<ZonedDateTime> match = Recurrence.starts(Recurrence.parse(m.recurrence()), seed(m), start, start.plusSeconds(1));
        return match.isEmpty() ? Optional.empty() : Optional.of(apply(m, match.getFirst()));
    }

    /** The next occurrence not cancelled that has not ended at {@code now}. */
    public static Optional<Occurrence> next(Meeting m, Instant now) {
        Instant to = now.plus(Duration.ofDays(400));
        return between(m, now, to).stream().filter(o -> !o.cancelled()).findFirst();
    }

    /** Earliest start of any occurrence (for storage queries). */
    public static Instant firstStart(Meeting m) {
        Instant first = seed(m).toInstant();
        for (OccurrenceChange c : m.changes().values()) {
            if (c.start() != null && c.start().atZone(m.timeZone()).toInstant().isBefore(first)) {
                first = c.start().atZone(m.timeZone()).toInstant();
            }
        }
        return first;
    }

    /** Latest end of any occurrence, or empty when the series never ends (for storage queries). */
    public static Optional<Instant> lastEnd(Meeting m) {
        ZonedDateTime seed = seed(m);
        Optional<ZonedDateTime> lastStart = m.recurring()
                ? Recurrence.lastStart(Recurrence.parse(m.recurrence()), seed) : Optional.of(seed);
        if (lastStart.isEmpty()) return Optional.empty();
        Instant last = lastStart.get().toInstant().plus(longest(m));
        for (OccurrenceChange c : m.changes().values()) {
            if (c.start() != null) {
                Instant end = c.start().atZone(m.timeZone()).toInstant().plus(longest(m));
                if (end.isAfter(last)) last = end;
            }
        }
        return Optional.of(last);
    }

    private static List<ZonedDateTime> originalStarts(Meeting m, ZonedDateTime seed, ZonedDateTime from, ZonedDateTime to) {
        if (!m.recurring()) return !seed.isBefore(from) && seed.isBefore(to) ? List.of(seed) : List.of();
        Recur<ZonedDateTime> recur = Recurrence.parse(m.recurrence());
        return Recurrence.starts(recur, seed, from.isBefore(seed) ? seed : from, to);
    }

    private static Occurrence apply(Meeting m, ZonedDateTime original) {
        String key = Occurrence.keyOf(original.toLocalDateTime());
        OccurrenceChange c = m.changes().get(key);
        ZonedDateTime start = c != null && c.start() != null ? c.start().atZone(m.timeZone()) : original;
        int minutes = c != null && c.durationMinutes() != null ? c.durationMinutes() : m.durationMinutes();
        String title = c != null && c.title() != null ? c.title() : m.title();
        String agenda = c != null && c.agenda() != null ? c.agenda() : m.agenda();
        boolean cancelled = m.cancelled() || (c != null && c.cancelled());
        return new Occurrence(m.id(), key, original, start, start.plusMinutes(minutes), title, agenda, cancelled, c != null,
                m.channelId());
    }

    private static boolean overlaps(Occurrence o, Instant from, Instant to) {
        return o.end().toInstant().isAfter(from) && o.start().toInstant().isBefore(to);
    }

    private static ZonedDateTime seed(Meeting m) {
        return m.start().atZone(m.timeZone());
    }

    private static Duration longest(Meeting m) {
        int minutes = m.durationMinutes();
        for (OccurrenceChange c : m.changes().values()) {
            if (c.durationMinutes() != null) minutes = Math.max(minutes, c.durationMinutes());
        }
        return Duration.ofMinutes(minutes);
    }
}
