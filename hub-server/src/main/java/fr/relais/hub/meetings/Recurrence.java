package fr.relais.hub.meetings;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * RFC 5545 recurrence rules, computed by ical4j on zoned date-times: occurrences keep their wall-clock
 * time in the meeting's zone, so an 18:00 Paris meeting is at 18:00 before and after a daylight-saving
 * change. Only daily, weekly, monthly and yearly rules are accepted (a meeting every minute is a mistake).
 */
final class Recurrence {
    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY);
    /** Upper bound on occurrences computed for a bounded series (COUNT or UNTIL). */
    static final int MAX_OCCURRENCES = 2000;

    private Recurrence() {
    }

    static Recur<ZonedDateTime> parse(String rrule) {
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new RelaisException(ErrorCode.INVALID_RECURRENCE, "Not a valid RRULE: " + rrule);
        }
        if (!ALLOWED.contains(recur.getFrequency())) {
            throw new RelaisException(ErrorCode.INVALID_RECURRENCE, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        return recur;
    }

    /** Checks the rule, and that the first start is one of its occurrences (as RFC 5545 expects of DTSTART). */
    static void check(String rrule, ZonedDateTime seed) {
        Recur<ZonedDateTime> recur = parse(rrule);
        List<ZonedDateTime> first = recur.getDates(seed, seed, seed.plusSeconds(1), 1);
        if (first.isEmpty() || !first.getFirst().toInstant().equals(seed.toInstant())) {
            throw new RelaisException(ErrorCode.INVALID_RECURRENCE,
                    "The start must itself be an occurrence of the rule (for example a Tuesday for BYDAY=2TU)");
        }
    }

    /** Original starts in {@code [from, to)}, in order. */
    static List<ZonedDateTime> starts(Recur<ZonedDateTime> recur, ZonedDateTime seed, ZonedDateTime from, ZonedDateTime to) {
        if (!to.isAfter(from)) return List.of();
        return recur.getDates(seed, from, to, MAX_OCCURRENCES).stream()
                .filter(d -> !d.isBefore(from) && d.isBefore(to))
                .toList();
    }

    /** The last original start of a bounded series (COUNT or UNTIL); empty when it never ends. */
    static Optional<ZonedDateTime> lastStart(Recur<ZonedDateTime> recur, ZonedDateTime seed) {
        if (recur.getCount() <= 0 && recur.getUntil() == null) return Optional.empty();
        List<ZonedDateTime> all = recur.getDates(seed, seed, seed.plusYears(50), MAX_OCCURRENCES);
        return all.isEmpty() ? Optional.of(seed) : Optional.of(all.getLast());
    }
}
