package fr.relais.hub.channels;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A place where messages are posted, in {@code seq} order.
 *
 * @param federation the federation code for FEDERATION channels, else null
 * @param readOnly   announcement channel: only staff post
 * @param memberIds  explicit members (PRIVATE and DIRECT channels; bots added anywhere)
 */
public record Channel(String id, ChannelKind kind, String name, String topic, @Nullable String federation,
                      boolean readOnly, Set<String> memberIds, @Nullable String createdBy, Instant createdAt) {
    public Channel {
        memberIds = Set.copyOf(memberIds);
        topic = topic == null ? "" : topic;
    }

    public boolean hasMember(String userId) {
        return memberIds.contains(userId);
    }

    public Channel withMembers(Set<String> members) {
        return new Channel(id, kind, name, topic, federation, readOnly, members, createdBy, createdAt);
    }
}
