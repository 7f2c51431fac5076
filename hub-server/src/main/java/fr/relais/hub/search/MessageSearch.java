package fr.relais.hub.search;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Searches the messages of the channels the caller can read (asked of ChannelAccess, like every read). */
@Service
public class MessageSearch {
    private final MessageSearchIndex index;
    private final ChannelDirectory channels;
    private final ChannelAccess access;
    private final MessageStore messages;

    MessageSearch(MessageSearchIndex index, ChannelDirectory channels, ChannelAccess access, MessageStore messages) {
        this.index = index;
        this.channels = channels;
        this.access = access;
        this.messages = messages;
    }

    public List<Message> search(User user, String query, String channelId, int limit) {
        if (query == null || query.isBlank()) throw RelaisException.invalid("q is required");
        if (query.length() > 200) throw RelaisException.invalid("q is at most 200 characters");
        List<String> readable = channelId != null
                ? List.of(access.requireRead(user, channelId).id())
                : channels.all().stream().filter(c -> access.allows(user, c, ChannelAction.READ)).map(c -> c.id()).toList();
        List<String> ids = index.search(query, readable, Math.max(1, Math.min(limit, 100)));
        Map<String, Message> found = messages.findByIds(ids);
        // The store is the truth: skip anything deleted since it was indexed.
        return ids.stream().map(found::get).filter(Objects::nonNull).filter(m -> !m.deleted()).toList();
    }
}
