package fr.relais.bench.verify;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the hub acknowledged with what it stored, for one channel.
 *
 * @param acknowledged       messages that got a RECEIPT
 * @param storedOnce         acknowledged messages found exactly once in the channel
 * @param acknowledgedMissing acknowledged messages not found at all: a broken promise
 * @param storedTwice        messages (acknowledged or not) found more than once
 * @param refusedButStored   messages answered with an error event yet stored: the client would
 *                           believe a message lost that the others see
 * @param storedUnacknowledged bench messages stored without a RECEIPT reaching the client
 *                           (refusal or timeout): allowed, a resend would be deduplicated
 */
public record StoredReconciliation(
        String channelId,
        long acknowledged,
        long storedOnce,
        long acknowledgedMissing,
        long storedTwice,
        long refusedButStored,
        long storedUnacknowledged) {

    /**
     * @param storedClientMessageIds client message ids of every stored {@code message.created}
     *                               event of the run, one entry per event (repeats kept)
     */
    public static StoredReconciliation of(String channelId, Set<String> acknowledged, Set<String> refused,
                                          Collection<String> storedClientMessageIds) {
        Map<String, Integer> stored = new HashMap<>();
        storedClientMessageIds.forEach(id -> stored.merge(id, 1, Integer::sum));
        long once = 0;
        long missing = 0;
        for (String id : acknowledged) {
            int count = stored.getOrDefault(id, 0);
            if (count == 0) {
                missing++;
            } else if (count == 1) {
                once++;
            }
        }
        long twice = stored.values().stream().filter(count -> count > 1).count();
        long refusedStored = refused.stream().filter(stored::containsKey).count();
        long unacknowledged = stored.keySet().stream().filter(id -> !acknowledged.contains(id)).count();
        return new StoredReconciliation(channelId, acknowledged.size(), once, missing, twice, refusedStored, unacknowledged);
    }
}
