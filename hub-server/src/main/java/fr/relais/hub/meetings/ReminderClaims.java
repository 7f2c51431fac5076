package fr.relais.hub.meetings;

import java.time.Duration;
import java.time.Instant;

/**
 * The once-only ledger of the sweep, shared by every hub node: each (meeting, occurrence, what) is
 * claimed by exactly one node with an atomic write, so a reminder or a "now live" change is never
 * repeated, however many nodes sweep at the same moment.
 */
public interface ReminderClaims {
    /**
     * @param what for example {@code reminder:PT15M}, {@code started}, {@code ended}
     * @return true for exactly one caller per (meeting, occurrence, what): the one that must act;
     *         also true again when a previous claim was not marked done within {@code retryAfter}
     *         (the node that claimed it died), so the action is retried; acting twice must then be harmless
     */
    boolean claim(String meetingId, String occurrenceKey, String what, String node, Instant now, Duration retryAfter);

    void done(String meetingId, String occurrenceKey, String what, Instant now);
}
