package fr.relais.bench.live;

import fr.relais.bench.load.RoundSchedule;
import fr.relais.bench.load.RoundSideLoad;
import fr.relais.bench.measure.RoundStats;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.report.RoundResult.Latency;
import fr.relais.sdk.stomp.StompClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live scenario's side of each round: reaction bursts from the reactors while the
 * publishers post, the watchers' {@code /topic/live.<id>} frames, and per round the figures of
 * {@link LiveRoundResult}.
 */
public final class LiveLoad implements RoundSideLoad {

    private final BenchOptions options;
    private final String channelId;
    private final ReactionLedger ledger;
    private final LiveWatchers watchers;
    private final BurstLatencySplit split;
    private final Map<Integer, BurstSchedule> schedules = new ConcurrentHashMap<>();
    private final Map<Integer, Long> framesAtWindowStart = new ConcurrentHashMap<>();
    private final Map<Integer, Long> framesInWindow = new ConcurrentHashMap<>();
    private Reactors reactors;
    private int nextBurstNumber;
    private volatile int connectedWatchers;

    public LiveLoad(BenchOptions options, int watchers, int rounds) {
        this.options = options;
        this.channelId = options.channels().getFirst();
        // Only the hub confirms reactions; the baseline's simple broker answers no SEND receipt.
        this.ledger = new ReactionLedger(options.target() == BenchOptions.Target.HUB);
        this.watchers = new LiveWatchers(watchers);
        this.split = new BurstLatencySplit(rounds);
        this.connectedWatchers = watchers;
    }

    int connectedWatchersCount() {
        return connectedWatchers;
    }

    /** Watchers whose connection failed never receive anything: the drain must not wait for them. */
    public void connectedWatchers(int connected) {
        connectedWatchers = connected;
    }

    public String channelId() {
        return channelId;
    }

    public String topic() {
        return "/topic/live." + channelId;
    }

    public LiveWatchers watchers() {
        return watchers;
    }

    public ReactionLedger ledger() {
        return ledger;
    }

    public BurstLatencySplit deliverySplit() {
        return split;
    }

    /** The first {@code --reactors} subscriber connections also react. */
    public void attachReactors(List<StompClient> subscriberClients, String runId) throws Exception {
        int count = Math.min(options.reactors(), subscriberClients.size());
        reactors = Reactors.attach(subscriberClients.subList(0, count), channelId, ledger, runId);
    }

    @Override
    public void plan(RoundStats round, RoundSchedule schedule) {
        int reactorCount = reactors == null ? 0 : reactors.count();
        if (reactorCount == 0) {
            split.planRound(round.index(), List.of());
            return;
        }
        // Bursts in the regular warm-up and the window only, not in --prewarm (see BurstSchedule).
        long from = schedule.measureStartNanos() - options.warmup().toNanos();
        BurstSchedule bursts = BurstSchedule.plan(options.reactionBurst(), reactorCount, round.index(), nextBurstNumber,
                from, schedule.measureStartNanos(), schedule.endNanos());
        nextBurstNumber += bursts.bursts().size();
        for (Burst burst : bursts.bursts()) {
            ledger.register(burst);
            if (!ledger.confirmed()) {
                watchers.expectSingleFrames(burst);
            }
        }
        split.planRound(round.index(), bursts.bursts());
        schedules.put(round.index(), bursts);
    }

    @Override
    public void send(RoundStats round, RoundSchedule schedule) {
        BurstSchedule bursts = schedules.get(round.index());
        if (bursts != null) {
            reactors.send(bursts);
        }
    }

    @Override
    public void windowStarted(RoundStats round) {
        framesAtWindowStart.put(round.index(), watchers.frames());
    }

    @Override
    public void windowEnded(RoundStats round) {
        framesInWindow.put(round.index(), watchers.frames() - framesAtWindowStart.getOrDefault(round.index(), 0L));
    }

    @Override
    public boolean settled(RoundStats round) {
        if (ledger.inFlight() > 0) {
            return false;
        }
        if (ledger.confirmed()) {
            long owed = ledger.owedTotal();
            AggregateEvent latest = watchers.latestAggregate();
            return owed == 0 || latest != null && latest.totalsSum() >= owed && latest.receivedByCount() >= connectedWatchers;
        }
        for (Burst burst : ledger.burstsOfRound(round.index())) {
            if (watchers.framesOf(burst).receivedByAll() < ledger.owed(burst) * connectedWatchers) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean quiet(long idleNanos) {
        long lastActivity = Math.max(ledger.lastAnswerNanos(), watchers.lastFrameNanos());
        return ledger.inFlight() == 0 && System.nanoTime() - lastActivity > idleNanos;
    }

    /** After the round's drain: its live figures. */
    public LiveRoundResult finish(RoundStats round) {
        List<Burst> ofRound = ledger.burstsOfRound(round.index());
        BurstReach reach = new BurstReach();
        long sent = 0;
        long accepted = 0;
        long unanswered = 0;
        Map<String, Long> refused = new TreeMap<>();
        int measured = 0;
        for (Burst burst : ofRound) {
            if (!burst.measured()) {
                continue;
            }
            measured++;
            sent += ledger.sent(burst);
            accepted += ledger.accepted(burst);
            unanswered += ledger.unanswered(burst);
            ledger.refused(burst).forEach((code, n) -> refused.merge(code, n, Long::sum));
            reach.add(burst, ledger, watchers);
        }
        boolean exact;
        String reconciliation;
        if (ledger.confirmed()) {
            AggregateEvent latest = watchers.latestAggregate();
            LiveReconciliation check = new LiveReconciliation(ledger.owedByEmoji(),
                    latest == null ? Map.of() : latest.totals(), ledger.unansweredTotal());
            exact = check.exact();
            reconciliation = "hub " + check.describe() + ", latest aggregate received by "
                    + (latest == null ? 0 : latest.receivedByCount()) + "/" + watchers.watchers() + " watchers";
        } else {
            long owedFrames = 0;
            long receivedFrames = 0;
            for (Burst burst : ofRound) {
                owedFrames += ledger.owed(burst) * watchers.watchers();
                receivedFrames += watchers.framesOf(burst).receivedByAll();
            }
            exact = owedFrames == receivedFrames;
            reconciliation = String.format(Locale.ROOT, "reaction frames received %,d of %,d owed to watchers",
                    receivedFrames, owedFrames);
        }
        return new LiveRoundResult(round.offeredRate(), measured, sent, ledger.confirmed() ? accepted : -1, refused,
                unanswered, watchers.watchers(), framesInWindow.getOrDefault(round.index(), 0L),
                Latency.of(reach.firstMicros()), Latency.of(reach.completeMicros()), reach.neverSeen(), reach.neverComplete(),
                exact, reconciliation, Latency.of(split.duringBursts(round.index())), Latency.of(split.quiet(round.index())));
    }
}
