package fr.relais.hub.supportline;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The handling-time clock of a ticket: time since it was opened minus the time it spent paused
 * (waiting on the requester, resolved). Also remembers which alerts already fired, so that each fires once.
 *
 * @param pausedMillis total paused time before {@code pausedSince}
 * @param pausedSince  when the current pause started, or null when the clock runs
 */
public record SlaClock(long pausedMillis, @Nullable Instant pausedSince, boolean firstResponseWarned,
                       boolean firstResponseBreached, boolean resolutionWarned, boolean resolutionBreached) {

    public static SlaClock running() {
        return new SlaClock(0, null, false, false, false, false);
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** Handling time at {@code now} for a ticket opened at {@code openedAt}. */
    public Duration elapsed(Instant openedAt, Instant now) {
        long paused = pausedMillis + (pausedSince == null ? 0 : Math.max(0, now.toEpochMilli() - pausedSince.toEpochMilli()));
        return Duration.ofMillis(Math.max(0, now.toEpochMilli() - openedAt.toEpochMilli() - paused));
    }

    public SlaClock pause(Instant now) {
        return paused() ? this : new SlaClock(pausedMillis, now, firstResponseWarned, firstResponseBreached,
                resolutionWarned, resolutionBreached);
    }

    public SlaClock resume(Instant now) {
        if (!paused()) return this;
        long more = Math.max(0, now.toEpochMilli() - pausedSince.toEpochMilli());
        return new SlaClock(pausedMillis + more, null, firstResponseWarned, firstResponseBreached, resolutionWarned,
                resolutionBreached);
    }

    public SlaClock withAlerts(boolean frWarned, boolean frBreached, boolean resWarned, boolean resBreached) {
        return new SlaClock(pausedMillis, pausedSince, frWarned, frBreached, resWarned, resBreached);
    }
}
