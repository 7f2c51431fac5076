package fr.relais.bench.verify;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client message ids the hub acknowledged with a RECEIPT, and those it refused with an error
 * event, per channel: what the stored channel is checked against after the run.
 */
public final class AckLedger {

    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refused = new ConcurrentHashMap<>();

    public void acknowledged(String channelId, String clientMessageId) {
        acknowledged.computeIfAbsent(channelId, c -> ConcurrentHashMap.newKeySet()).add(clientMessageId);
    }

    public void refused(String channelId, String clientMessageId) {
        refused.computeIfAbsent(channelId, c -> ConcurrentHashMap.newKeySet()).add(clientMessageId);
    }

    public Map<String, Set<String>> acknowledged() {
        return new TreeMap<>(acknowledged);
    }

    public Set<String> refused(String channelId) {
        return refused.getOrDefault(channelId, Set.of());
    }

    public Set<String> acknowledged(String channelId) {
        return acknowledged.getOrDefault(channelId, Set.of());
    }
}
