package fr.relais.hub.channels;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Persistence port for channels. */
public interface ChannelStore {
    /** Inserts the channel unless one with the same id exists; returns true if it was created. */
    boolean insertIfAbsent(Channel channel);

    Optional<Channel> findById(String id);

    List<Channel> findAll();

    void addMembers(String channelId, Set<String> userIds);

    void removeMember(String channelId, String userId);

    /** The last sequence number handed out in the channel (0 when empty). */
    long lastSeq(String channelId);

    /** lastSeq of every channel, in one query (for channel lists). */
    java.util.Map<String, Long> lastSeqs();
}
