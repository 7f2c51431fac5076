package fr.relais.hub.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence port of the relay. */
public interface RelayStore {
    String newId();

    void insert(RelayItem item);

    Optional<RelayItem> find(String id);

    /** Replaces the item if its stored version is {@code item.version() - 1}. */
    boolean replace(RelayItem item);

    List<RelayItem> findByStatus(Collection<RelayItem.Status> statuses, int limit);

    List<RelayItem> findByAuthor(String authorId, int limit);

    /** SCHEDULED items whose time has come. */
    List<RelayItem> findScheduledBefore(Instant now, int limit);

    /** DUE or POSTED items with a consigne whose deadline has passed and is less than {@code lookback} old. */
    List<RelayItem> findConsignesPastDeadline(Instant now, Duration lookback, int limit);

    /** false if this channel's delivery is already recorded. */
    boolean insertDelivery(Delivery delivery);

    List<Delivery> deliveries(String itemId);

    void saveAck(Ack ack);

    List<Ack> acks(String itemId);

    /** Once across nodes: insert keyed by {@code key}, or take over a claim older than {@code retryAfter} not done. */
    boolean claim(String key, String itemId, String federation, String stage, Instant now, Duration retryAfter);

    void claimDone(String key, Instant now);

    /** federation → highest escalation stage claimed for the item. */
    Map<String, List<String>> escalations(String itemId);

    void insertBlackout(Blackout blackout);

    List<Blackout> blackouts();

    boolean deleteBlackout(String id);

    /** channelId → number of people whose read marker in it is at or past the given seq. */
    Map<String, Integer> readersAtLeast(Map<String, Long> seqByChannel);
}
