package fr.relais.hub.supportline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Response-time arithmetic, pure: when each target falls due, which alerts are due now, when the next
 * one will be, when a resolved ticket closes by itself. Targets are counted in handling time: the
 * clock stops while the ticket waits on the requester or is resolved ({@link SlaClock}).
 */
@Component
public class SlaPolicy {
    private final SupportProperties properties;

    public SlaPolicy(SupportProperties properties) {
        this.properties = properties;
    }

    /** An alert that is due: a warning (target at risk) or the breach itself. */
    public record Alert(SlaTimer timer, boolean breach, Instant dueAt) {
    }

    public Duration target(Priority priority, SlaTimer timer) {
        SupportProperties.Target t = properties.target(priority);
        return timer == SlaTimer.FIRST_RESPONSE ? t.firstResponse() : t.resolution();
    }

    /** Whether this timer still counts for the ticket (first response not given yet, not resolved). */
    static boolean applies(SlaTimer timer, TicketStatus status, @Nullable Instant firstResponseAt) {
        if (status == TicketStatus.CLOSED || status == TicketStatus.RESOLVED) return false;
        return timer != SlaTimer.FIRST_RESPONSE || firstResponseAt == null;
    }

    /** When the target falls due if the clock keeps running; null when it does not apply or the clock is paused. */
    public @Nullable Instant dueAt(Ticket t, SlaTimer timer) {
        if (!applies(timer, t.status(), t.firstResponseAt()) || t.sla().paused()) return null;
        return t.createdAt().plusMillis(t.sla().pausedMillis()).plus(target(t.priority(), timer));
    }

    /** Alerts due at {@code now} that have not fired yet. A late sweep sends only the breach, not the warning too. */
    public List<Alert> dueAlerts(Ticket t, Instant now) {
        List<Alert> due = new ArrayList<>();
        if (t.sla().paused() || !t.status().timersRun()) return due;
        Duration elapsed = t.sla().elapsed(t.createdAt(), now);
        for (SlaTimer timer : SlaTimer.values()) {
            if (!applies(timer, t.status(), t.firstResponseAt())) continue;
            Duration target = target(t.priority(), timer);
            Instant dueAt = dueAt(t, timer);
            if (!breached(t.sla(), timer) && elapsed.compareTo(target) >= 0) {
                due.add(new Alert(timer, true, dueAt));
            } else if (!warned(t.sla(), timer) && !breached(t.sla(), timer) && elapsed.compareTo(warnAfter(target)) >= 0) {
                due.add(new Alert(timer, false, dueAt));
            }
        }
        return due;
    }

    /** The clock with these alerts marked as fired (a breach also marks the warning). */
    public SlaClock fired(SlaClock sla, List<Alert> alerts) {
        boolean frW = sla.firstResponseWarned(), frB = sla.firstResponseBreached();
        boolean resW = sla.resolutionWarned(), resB = sla.resolutionBreached();
        for (Alert a : alerts) {
            if (a.timer() == SlaTimer.FIRST_RESPONSE) {
                frW = true;
                frB |= a.breach();
            } else {
                resW = true;
                resB |= a.breach();
            }
        }
        return sla.withAlerts(frW, frB, resW, resB);
    }

    /** Sets the derived timer fields (next alert, auto-close) and builds the next version. */
    public Ticket finish(Ticket.Change c) {
        Ticket draft = c.build();
        c.nextAlertAt = nextAlertAt(draft);
        c.autoCloseAt = draft.status() == TicketStatus.RESOLVED && draft.resolvedAt() != null
                ? draft.resolvedAt().plus(properties.autoCloseAfter()) : null;
        return c.build();
    }

    /** The earliest pending alert; null when timers are paused or nothing is pending. */
    @Nullable Instant nextAlertAt(Ticket t) {
        if (t.sla().paused() || !t.status().timersRun()) return null;
        Instant next = null;
        for (SlaTimer timer : SlaTimer.values()) {
            if (!applies(timer, t.status(), t.firstResponseAt()) || breached(t.sla(), timer)) continue;
            Duration target = target(t.priority(), timer);
            Duration threshold = warned(t.sla(), timer) ? target : warnAfter(target);
            Instant at = t.createdAt().plusMillis(t.sla().pausedMillis()).plus(threshold);
            if (next == null || at.isBefore(next)) next = at;
        }
        return next;
    }

    private Duration warnAfter(Duration target) {
        return Duration.ofMillis((long) (target.toMillis() * properties.warnRatio()));
    }

    private static boolean warned(SlaClock sla, SlaTimer timer) {
        return timer == SlaTimer.FIRST_RESPONSE ? sla.firstResponseWarned() : sla.resolutionWarned();
    }

    private static boolean breached(SlaClock sla, SlaTimer timer) {
        return timer == SlaTimer.FIRST_RESPONSE ? sla.firstResponseBreached() : sla.resolutionBreached();
    }
}
