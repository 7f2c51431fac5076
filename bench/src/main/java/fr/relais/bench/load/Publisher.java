package fr.relais.bench.load;

import fr.relais.bench.measure.BenchMessage;
import fr.relais.bench.measure.RoundStats;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.verify.AckLedger;
import fr.relais.sdk.stomp.StompClient;
import fr.relais.sdk.stomp.StompFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One publishing connection sending at a fixed rate (open loop: the schedule does not slow
 * down when the hub does, which is what real users do).
 *
 * <p>It also listens on {@code /user/queue/errors}, where the hub reports refused SENDs, so
 * that refused messages are not counted as lost deliveries.
 */
public final class Publisher {

    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int index;
    private final int publisherCount;
    private final StompClient client;
    private final BenchOptions options;
    private final String runId;
    private final AtomicLong messageNumbers;
    private final List<RoundStats> rounds;
    private final ChannelPlan plan;
    private final AckLedger ackLedger;
    /** Receipts still expected, by receipt id, so that a refusal can settle its receipt at once. */
    private final Map<String, CompletableFuture<StompFrame>> awaitingReceipt = new ConcurrentHashMap<>();

    /**
     * @param ackLedger where acknowledged and refused messages are written down for the check
     *                  after the run, or {@code null} when there is none
     */
    public Publisher(int index, int publisherCount, StompClient client, BenchOptions options, String runId,
                     AtomicLong messageNumbers, List<RoundStats> rounds, ChannelPlan plan, AckLedger ackLedger) {
        this.index = index;
        this.publisherCount = publisherCount;
        this.client = client;
        this.options = options;
        this.runId = runId;
        this.messageNumbers = messageNumbers;
        this.rounds = List.copyOf(rounds);
        this.plan = plan;
        this.ackLedger = ackLedger;
        client.subscribe("/user/queue/errors", this::onErrorEvent);
    }

    /** Sends this publisher's share of the round's rate, from the schedule's start to its end. */
    public void run(RoundStats round, RoundSchedule schedule) {
        long intervalNanos = Math.round(1e9 * publisherCount / round.offeredRate());
        // Publishers take turns inside each interval instead of sending in bursts.
        long due = schedule.startNanos() + intervalNanos * index / publisherCount;
        while (due < schedule.endNanos()) {
            RoundSchedule.sleepUntil(due);
            boolean measured = schedule.isMeasured(due);
            BenchMessage message = new BenchMessage(round.index(), measured, messageNumbers.getAndIncrement(), due);
            String clientMessageId = message.clientMessageId(runId);
            String channel = plan.channelOfMessage(message.number());
            String body = "{\"text\":\"" + message.text(options.textLength()) + "\",\"clientMessageId\":\""
                    + clientMessageId + "\"}";
            // Counted before sending: a fast refusal must not find its message not yet counted.
            round.onSent(measured, plan.deliveriesOwed(message.number()));
            if (options.receipts()) {
                sendWithReceipt(round, message, channel, clientMessageId, body);
            } else {
                client.send(BenchOptions.sendDestination(channel), body);
            }
            due += intervalNanos;
        }
    }

    public StompClient client() {
        return client;
    }

    private void sendWithReceipt(RoundStats round, BenchMessage message, String channel, String clientMessageId,
                                 String body) {
        round.onReceiptRequested();
        // The client message id doubles as receipt id, so an error event quoting either can be matched.
        CompletableFuture<StompFrame> receipt = new CompletableFuture<>();
        // Registered before sending, so that an error event arriving at once finds it.
        awaitingReceipt.put(clientMessageId, receipt);
        client.sendWithReceipt(BenchOptions.sendDestination(channel), body, Map.of("receipt", clientMessageId))
                .whenComplete((frame, failure) -> {
                    if (failure == null) {
                        receipt.complete(frame);
                    } else {
                        receipt.completeExceptionally(failure);
                    }
                });
        receipt.orTimeout(RECEIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((StompFrame frame, Throwable failure) -> {
                    awaitingReceipt.remove(clientMessageId);
                    if (failure == null) {
                        if (ackLedger != null) {
                            ackLedger.acknowledged(channel, clientMessageId);
                        }
                        round.onReceipt(message.measured(), message.sentNanos(), System.nanoTime());
                    } else if (failure instanceof SendRefused) {
                        round.onReceiptSettledByRefusal();
                    } else {
                        round.onReceiptFailed(message.measured());
                    }
                });
    }

    private void onErrorEvent(StompFrame frame) {
        String code = "unparsed";
        String clientMessageId = null;
        try {
            JsonNode error = JSON.readTree(frame.body());
            code = error.path("code").asString("unknown");
            clientMessageId = error.path("clientMessageId").asString(error.path("receiptId").asString(null));
        } catch (JacksonException e) {
            // counted under "unparsed" below
        }
        BenchMessage refused = BenchMessage.parseClientMessageId(clientMessageId, runId);
        if (refused != null && refused.round() < rounds.size()) {
            rounds.get(refused.round()).onRejected(refused.measured(), code, plan.deliveriesOwed(refused.number()));
            if (ackLedger != null) {
                ackLedger.refused(plan.channelOfMessage(refused.number()), clientMessageId);
            }
            // A refused SEND never gets its RECEIPT: settle it now rather than after the timeout.
            CompletableFuture<StompFrame> receipt = awaitingReceipt.get(clientMessageId);
            if (receipt != null) {
                receipt.completeExceptionally(new SendRefused(code));
            }
        } else {
            System.err.println("hub error not tied to a bench message: " + frame.body());
        }
    }

    /** The hub answered a SEND with an error event instead of a RECEIPT. */
    private static final class SendRefused extends RuntimeException {
        SendRefused(String code) {
            super("refused by the hub: " + code, null, false, false);
        }
    }
}
