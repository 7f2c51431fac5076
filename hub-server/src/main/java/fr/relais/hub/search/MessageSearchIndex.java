package fr.relais.hub.search;

import fr.relais.hub.chat.Message;
import java.util.Collection;
import java.util.List;

/** A full-text index of message texts. */
public interface MessageSearchIndex {
    /** Adds or replaces the message (a deleted message is removed). */
    void index(List<Message> messages);

    /** Ids of the best-matching messages among these channels. */
    List<String> search(String query, Collection<String> channelIds, int limit);

    long size();
}
