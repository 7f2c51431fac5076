package fr.relais.hub.relay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A piece of content proposed for relay, with its review history inside (one document, changed by
 * compare-and-set on {@code version}: there are no multi-document transactions on the embedded store).
 *
 * @param channelIds the federation channels it goes to, resolved from the target at approval
 * @param consigne   set when HQ requires each federation's acknowledgement
 */
public record RelayItem(String id, String authorId, String authorUsername, @Nullable String authorFederation,
                        String text, List<String> visuals, List<String> links, Target target,
                        @Nullable Instant wishedAt, Status status, @Nullable Instant scheduledAt,
                        @Nullable Consigne consigne, List<String> channelIds, List<Entry> history,
                        Instant createdAt, Instant updatedAt, long version) {
    public RelayItem {
        visuals = List.copyOf(visuals);
        links = List.copyOf(links);
        channelIds = List.copyOf(channelIds);
        history = List.copyOf(history);
    }

    public enum Status {
        PROPOSED, CHANGES_REQUESTED, SCHEDULED, HELD, DUE, POSTED, REJECTED;

        public boolean open() {
            return this == PROPOSED || this == CHANGES_REQUESTED;
        }
    }

    public enum TargetKind { ALL, REGION, LIST }

    /** ALL federations, every federation of a REGION, or a LIST of federation codes. */
    public record Target(TargetKind kind, @Nullable String region, List<String> federations) {
        public Target {
            federations = federations == null ? List.of() : List.copyOf(federations);
        }
    }

    public enum AckState {
        READ, RELAYED;

        public boolean satisfies(AckState required) {
            return ordinal() >= required.ordinal();
        }
    }

    public record Consigne(AckState requires, Instant deadline) {
    }

    /** One step of the history: {@code action} is proposed, edited, commented, changes_requested, approved, rejected, held, released, due, posted. */
    public record Entry(Instant at, String byId, String byUsername, String action, @Nullable String comment) {
    }

    RelayItem next(Status newStatus, Entry entry, Instant at) {
        List<Entry> h = new ArrayList<>(history);
        h.add(entry);
        return new RelayItem(id, authorId, authorUsername, authorFederation, text, visuals, links, target, wishedAt,
                newStatus, scheduledAt, consigne, channelIds, h, createdAt, at, version + 1);
    }

    RelayItem scheduled(Instant when, List<String> channels, @Nullable Consigne c) {
        return new RelayItem(id, authorId, authorUsername, authorFederation, text, visuals, links, target, wishedAt,
                status, when, c, channels, history, createdAt, updatedAt, version);
    }

    RelayItem edited(String newText, List<String> newVisuals, List<String> newLinks, Target newTarget, @Nullable Instant newWished) {
        return new RelayItem(id, authorId, authorUsername, authorFederation, newText, newVisuals, newLinks, newTarget,
                newWished, status, scheduledAt, consigne, channelIds, history, createdAt, updatedAt, version);
    }
}
