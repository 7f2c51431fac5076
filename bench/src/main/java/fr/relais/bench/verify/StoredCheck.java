package fr.relais.bench.verify;

import fr.relais.bench.hub.HubRestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * After a run with receipts: reads each bench channel back through the catch-up API
 * ({@code GET /channels/{id}/events?afterSeq=}, page after page) and reconciles it with the
 * {@link AckLedger}.
 */
public final class StoredCheck {

    private final HubRestClient hub;
    private final String adminToken;

    public StoredCheck(HubRestClient hub, String adminToken) {
        this.hub = hub;
        this.adminToken = adminToken;
    }

    public List<StoredReconciliation> run(AckLedger ledger, List<String> channels, String runId) {
        List<StoredReconciliation> results = new ArrayList<>();
        String prefix = "bench-" + runId + "-";
        for (String channel : channels) {
            List<String> stored = hub.storedClientMessageIds(adminToken, channel, prefix);
            Set<String> acknowledged = ledger.acknowledged(channel);
            results.add(StoredReconciliation.of(channel, acknowledged, ledger.refused(channel), stored));
        }
        return results;
    }

    /** One line per channel plus totals, for the console and the docs. */
    public static String describe(List<StoredReconciliation> results) {
        long acked = 0;
        long missing = 0;
        long twice = 0;
        long refusedStored = 0;
        long unacked = 0;
        StringBuilder out = new StringBuilder();
        for (StoredReconciliation r : results) {
            acked += r.acknowledged();
            missing += r.acknowledgedMissing();
            twice += r.storedTwice();
            refusedStored += r.refusedButStored();
            unacked += r.storedUnacknowledged();
            out.append(r).append('\n');
        }
        out.append(String.format(Locale.ROOT, "stored check: %d acknowledged, %d acknowledged but missing, %d stored more than once, "
                        + "%d refused but stored, %d stored without a receipt reaching the bench",
                acked, missing, twice, refusedStored, unacked));
        return out.toString();
    }
}
