package fr.relais.sdk.stomp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Futures waiting for the RECEIPT frame that matches their receipt id. */
final class PendingReceipts {

    private final Map<String, CompletableFuture<StompFrame>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();

    String newId() {
        return "rcpt-" + nextId.incrementAndGet();
    }

    CompletableFuture<StompFrame> register(String receiptId) {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        // Removing on any outcome also covers callers that time the future out themselves.
        future.whenComplete((frame, failure) -> waiting.remove(receiptId, future));
        if (waiting.putIfAbsent(receiptId, future) != null) {
            throw new IllegalArgumentException("receipt id already waiting: " + receiptId);
        }
        return future;
    }

    void complete(StompFrame receipt) {
        String receiptId = receipt.header("receipt-id");
        CompletableFuture<StompFrame> future = receiptId == null ? null : waiting.get(receiptId);
        if (future != null) {
            future.complete(receipt);
        }
    }

    void fail(String receiptId, Throwable cause) {
        CompletableFuture<StompFrame> future = waiting.get(receiptId);
        if (future != null) {
            future.completeExceptionally(cause);
        }
    }

    void failAll(Throwable cause) {
        for (CompletableFuture<StompFrame> future : waiting.values()) {
            future.completeExceptionally(cause);
        }
    }
}
