package fr.relais.hub.channels;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.AccessRevocations;
import fr.relais.hub.identity.AccessRevoked;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Exclusions from channels under the charter. All are kept in memory (asked on every read check);
 * an exclusion is stored first, then published as {@link AccessRevoked.MemberExcluded} so every node
 * updates its cache and drops the person's live subscriptions to the channel. Lifting one is published
 * as {@link ExclusionLifted}, which the cluster layer forwards to the other nodes (they would otherwise keep
 * refusing the person, since nothing else makes them re-read the exclusions).
 */
@Service
public class ChannelExclusions {
    private final ExclusionStore store;
    private final AccessRevocations revocations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Map<String, Exclusion> byKey;

    public ChannelExclusions(ExclusionStore store, AccessRevocations revocations, ApplicationEventPublisher events,
                             Clock clock) {
        this.store = store;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    public boolean isExcluded(String channelId, String userId) {
        return cache().containsKey(key(channelId, userId));
    }

    public List<Exclusion> of(String channelId) {
        return cache().values().stream().filter(e -> e.channelId().equals(channelId)).toList();
    }

    /** Excludes {@code target} from the channel (the caller has been checked as a moderator of it). */
    public Exclusion exclude(User by, Channel channel, User target, String reason) {
        if (by.id().equals(target.id())) throw RelaisException.invalid("You cannot exclude yourself");
        if (target.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden("A national admin cannot be excluded from a channel");
        if (channel.kind() == ChannelKind.DIRECT) throw RelaisException.invalid("Leave or block a direct message instead");
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) throw RelaisException.invalid("reason is at most 500 characters");
        Exclusion exclusion = new Exclusion(channel.id(), target.id(), by.id(), why, clock.instant());
        store.save(exclusion);
        cache().put(key(channel.id(), target.id()), exclusion);
        revocations.publish(new AccessRevoked.MemberExcluded(target.id(), channel.id()));
        return exclusion;
    }

    public boolean lift(String channelId, String userId) {
        boolean existed = store.delete(channelId, userId);
        cache().remove(key(channelId, userId));
        if (existed) events.publishEvent(new ExclusionLifted(channelId, userId, false));
        return existed;
    }

    /** Exclusions decided on another node reach this one as events. */
    @EventListener
    void onExcluded(AccessRevoked.MemberExcluded event) {
        if (!isExcluded(event.channelId(), event.userId())) byKey = null; // reload from the store on next use
    }

    /**
     * A lift on another node (already deleted from the store): re-read the exclusions on next use, as for
     * an exclusion decided elsewhere. They are few, so a reload costs little.
     */
    @EventListener
    void onLifted(ExclusionLifted event) {
        if (event.onAnotherNode() && isExcluded(event.channelId(), event.userId())) byKey = null;
    }

    private Map<String, Exclusion> cache() {
        Map<String, Exclusion> current = byKey;
        if (current == null) {
            current = new ConcurrentHashMap<>();
            for (Exclusion e : store.findAll()) current.put(key(e.channelId(), e.userId()), e);
            byKey = current;
        }
        return current;
    }

    private static String key(String channelId, String userId) {
        return channelId + "/" + userId;
    }
}
