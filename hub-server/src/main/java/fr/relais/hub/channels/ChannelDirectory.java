package fr.relais.hub.channels;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;

/**
 * Finds and creates channels. All channels are kept in memory (a few hundred documents) because
 * every SUBSCRIBE and SEND needs one; changes made here update the cache.
 */
@Service
public class ChannelDirectory {
    private final ChannelStore store;
    private final Clock clock;
    private final Map<String, Channel> cache = new ConcurrentHashMap<>();
    private final org.springframework.context.ApplicationEventPublisher events;

    public ChannelDirectory(ChannelStore store, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Re-reads one channel from the store (it was changed on another node). */
    public void refresh(String id) {
        store.findById(id).ifPresentOrElse(c -> cache.put(c.id(), c), () -> cache.remove(id));
    }

    private Channel changed(Channel channel) {
        events.publishEvent(new ChannelChanged(channel.id()));
        return channel;
    }

    public Optional<Channel> find(String id) {
        if (id == null) return Optional.empty();
        Channel cached = cache.get(id);
        if (cached != null) return Optional.of(cached);
        Optional<Channel> loaded = store.findById(id);
        loaded.ifPresent(c -> cache.put(c.id(), c));
        return loaded;
    }

    public List<Channel> all() {
        if (cache.isEmpty()) reload();
        return cache.values().stream().sorted(Comparator.comparing(Channel::id)).toList();
    }

    public void reload() {
        store.findAll().forEach(c -> cache.put(c.id(), c));
    }

    /** Creates the channel if missing (seeding); returns the stored one. */
    public Channel ensure(Channel channel) {
        store.insertIfAbsent(channel);
        cache.remove(channel.id());
        return find(channel.id()).orElseThrow();
    }

    public Channel createPrivateGroup(User creator, String name, String topic, Set<String> memberIds) {
        String cleanName = requireName(name);
        Set<String> members = new HashSet<>(memberIds);
        members.add(creator.id());
        String id = "grp-" + slug(cleanName) + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Channel channel = new Channel(id, ChannelKind.PRIVATE, cleanName, topic, null, false, members, creator.id(), clock.instant());
        store.insertIfAbsent(channel);
        cache.put(id, channel);
        return changed(channel);
    }

    public Channel createNational(User creator, String name, String topic, boolean readOnly) {
        String cleanName = requireName(name);
        String id = slug(cleanName);
        Channel channel = new Channel(id, ChannelKind.NATIONAL, cleanName, topic, null, readOnly, Set.of(), creator.id(), clock.instant());
        if (!store.insertIfAbsent(channel)) throw new RelaisException(ErrorCode.CONFLICT, "A channel named like this exists: " + id);
        cache.put(id, channel);
        return changed(channel);
    }

    /** The direct-message channel between these people (the same one every time for the same set). */
    public Channel openDirect(User creator, Set<String> otherIds) {
        TreeSet<String> participants = new TreeSet<>(otherIds);
        participants.add(creator.id());
        if (participants.size() < 2) throw RelaisException.invalid("A direct message needs someone else");
        if (participants.size() > 8) throw RelaisException.invalid("A direct message has at most 8 people; create a private group");
        String id = "dm-" + digest(String.join(",", participants));
        Channel channel = new Channel(id, ChannelKind.DIRECT, "", "", null, false, participants, creator.id(), clock.instant());
        boolean created = store.insertIfAbsent(channel);
        cache.remove(id);
        Channel direct = find(id).orElseThrow();
        return created ? changed(direct) : direct;
    }

    public Channel addMembers(Channel channel, Set<String> userIds) {
        if (channel.kind() == ChannelKind.DIRECT) throw RelaisException.invalid("Start a new direct message instead");
        store.addMembers(channel.id(), userIds);
        Set<String> members = new HashSet<>(channel.memberIds());
        members.addAll(userIds);
        Channel updated = channel.withMembers(members);
        cache.put(channel.id(), updated);
        return changed(updated);
    }

    public Channel removeMember(Channel channel, String userId) {
        store.removeMember(channel.id(), userId);
        Set<String> members = new HashSet<>(channel.memberIds());
        members.remove(userId);
        Channel updated = channel.withMembers(members);
        cache.put(channel.id(), updated);
        return changed(updated);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 80) throw RelaisException.invalid("name must be 1 to 80 characters");
        return name.strip();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "canal" : slug.substring(0, Math.min(slug.length(), 40));
    }
}
