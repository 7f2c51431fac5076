package fr.relais.bench.live;

import fr.relais.bench.load.RoundSchedule;
import fr.relais.sdk.stomp.StompClient;
import fr.relais.sdk.stomp.StompFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriber connections that also react: SEND {@code /app/live.<channelId>.react} with
 * {@code {"emoji":"👏"}}, the way the web client does, on the {@link BurstSchedule}.
 *
 * <p>With confirmations (the hub), each reaction asks for a RECEIPT, which the hub sends once it
 * counted the reaction, and each reactor listens on {@code /user/queue/errors}, where a refusal
 * quotes the receipt id. Every reaction thus ends up accepted, refused or unanswered in the
 * {@link ReactionLedger}.
 */
public final class Reactors {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Pending(Burst burst, CompletableFuture<StompFrame> receipt) {
    }

    private final List<StompClient> clients;
    private final String destination;
    private final ReactionLedger ledger;
    private final String runId;
    private final Map<String, Pending> awaiting = new ConcurrentHashMap<>();

    private Reactors(List<StompClient> clients, String channelId, ReactionLedger ledger, String runId) {
        this.clients = List.copyOf(clients);
        this.destination = "/app/live." + channelId + ".react";
        this.ledger = ledger;
        this.runId = runId;
    }

    /** With confirmations, subscribes every reactor to its error queue first (and waits for the receipts). */
    public static Reactors attach(List<StompClient> clients, String channelId, ReactionLedger ledger, String runId)
            throws Exception {
        Reactors reactors = new Reactors(clients, channelId, ledger, runId);
        if (ledger.confirmed()) {
            for (StompClient client : clients) {
                client.subscribeWithReceipt("/user/queue/errors", reactors::onErrorEvent).get(30, TimeUnit.SECONDS);
            }
        }
        return reactors;
    }

    public int count() {
        return clients.size();
    }

    /** Sends every burst of the schedule at its due times (open loop); returns after the last one. */
    public void send(BurstSchedule schedule) {
        for (Burst burst : schedule.bursts()) {
            for (int slot = 0; slot < schedule.reactionsPerBurst(); slot++) {
                RoundSchedule.sleepUntil(schedule.dueNanos(burst, slot));
                StompClient client = clients.get(schedule.reactorOfSlot(slot));
                String body = "{\"emoji\":\"" + burst.emoji() + "\"}";
                ledger.onSent(burst);
                if (ledger.confirmed()) {
                    sendConfirmed(client, burst, "react-" + runId + "-" + burst.number() + "-" + slot, body);
                } else {
                    client.send(destination, body);
                }
            }
        }
    }

    private void sendConfirmed(StompClient client, Burst burst, String receiptId, String body) {
        CompletableFuture<StompFrame> answer = new CompletableFuture<>();
        // Registered before sending, so that an error event arriving at once finds it.
        awaiting.put(receiptId, new Pending(burst, answer));
        client.sendWithReceipt(destination, body, Map.of("receipt", receiptId)).whenComplete((frame, failure) -> {
            if (failure == null) {
                answer.complete(frame);
            } else {
                answer.completeExceptionally(failure);
            }
        });
        answer.orTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((frame, failure) -> {
            awaiting.remove(receiptId);
            if (failure == null) {
                ledger.onAccepted(burst);
            } else if (failure instanceof Refused refused) {
                ledger.onRefused(burst, refused.code);
            } else {
                // Timed out, connection failed or ERROR frame: the reaction may or may not have been counted.
                ledger.onUnanswered(burst);
            }
        });
    }

    private void onErrorEvent(StompFrame frame) {
        String code = "unparsed";
        String receiptId = null;
        try {
            JsonNode error = JSON.readTree(frame.body());
            code = error.path("code").asString("unknown");
            receiptId = error.path("receiptId").asString(null);
        } catch (JacksonException e) {
            // counted under "unparsed" if it quotes nothing we know
        }
        Pending pending = receiptId == null ? null : awaiting.get(receiptId);
        if (pending == null) {
            System.err.println("hub error not tied to a bench reaction: " + frame.body());
            return;
        }
        // A refused reaction never gets its RECEIPT: settle it now rather than after the timeout.
        pending.receipt().completeExceptionally(new Refused(code));
    }

    /** The hub answered a reaction with an error event instead of a RECEIPT. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code) {
            super("refused by the hub: " + code, null, false, false);
            this.code = code;
        }
    }
}
