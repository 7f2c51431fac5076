package fr.relais.bench.load;

import fr.relais.bench.measure.RoundStats;

/**
 * Load that runs alongside the publishers in every round, on the same schedule: the live
 * scenario's reaction bursts. The round samples it at the window edges and waits for it in the
 * drain.
 */
public interface RoundSideLoad {

    /** Before the round's senders start: fixes what the round will send and when. */
    void plan(RoundStats round, RoundSchedule schedule);

    /** On its own thread, from the schedule's start; returns once everything is sent. */
    void send(RoundStats round, RoundSchedule schedule);

    /** At the start of the measured window, when deliveries and CPU are sampled. */
    void windowStarted(RoundStats round);

    /** At the end of the measured window. */
    void windowEnded(RoundStats round);

    /** Everything the round sent was answered and reached every watcher. */
    boolean settled(RoundStats round);

    /** Nothing awaited, and no answer or frame for {@code idleNanos}: waiting longer would not help. */
    boolean quiet(long idleNanos);
}
