package fr.relais.hub.chat;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads a channel's past: message pages, thread replies, pins, and the event log for catching up. */
@Service
public class ChannelHistory {
    private final ChannelAccess access;
    private final MessageStore messages;
    private final ChannelEventStore events;
    private final ChatLimits limits;

    ChannelHistory(ChannelAccess access, MessageStore messages, ChannelEventStore events, ChatLimits limits) {
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.limits = limits;
    }

    /** A page of top-level messages (or all messages with {@code includeReplies}), ascending by seq. */
    public List<Message> page(User user, String channelId, Long afterSeq, Long beforeSeq, int limit, boolean includeReplies) {
        access.requireRead(user, channelId);
        return messages.page(channelId, afterSeq, beforeSeq, clamp(limit), !includeReplies);
    }

    public List<Message> thread(User user, String messageId) {
        Message parent = messages.findById(messageId).orElseThrow(() -> new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
        access.requireRead(user, parent.channelId());
        List<Message> thread = new ArrayList<>();
        thread.add(parent);
        thread.addAll(messages.replies(messageId, limits.historyMaxPage() * 5));
        return thread;
    }

    public List<Message> pinned(User user, String channelId) {
        access.requireRead(user, channelId);
        return messages.pinned(channelId);
    }

    public record EventPage(List<ChannelEvent> events, long lastSeq, boolean hasMore) {
    }

    /**
     * Every event after {@code afterSeq}, in seq order, at most {@code limit}: new messages (with their
     * current state) and changes to older ones. A client replays them to be exactly up to date; when
     * {@code hasMore}, it asks again from {@code lastSeq}.
     */
    public EventPage eventsAfter(User user, String channelId, long afterSeq, int limit) {
        access.requireRead(user, channelId);
        return systemEventsAfter(channelId, afterSeq, limit);
    }

    /** The same, without a reader: for the hub itself (repairing gaps in cross-node delivery). */
    public EventPage systemEventsAfter(String channelId, long afterSeq, int limit) {
        int max = clamp(limit);
        List<ChannelEvent> merged = new ArrayList<>();
        for (Message m : messages.createdAfter(channelId, afterSeq, max + 1)) {
            merged.add(new ChannelEvent(ChannelEventType.MESSAGE_CREATED, channelId, m.seq(), m));
        }
        merged.addAll(events.after(channelId, afterSeq, max + 1));
        merged.sort(Comparator.comparingLong(ChannelEvent::seq));
        boolean hasMore = merged.size() > max;
        List<ChannelEvent> page = hasMore ? merged.subList(0, max) : merged;
        long last = page.isEmpty() ? afterSeq : page.get(page.size() - 1).seq();
        return new EventPage(List.copyOf(page), last, hasMore);
    }

    public Message message(User user, String messageId) {
        Message m = messages.findById(messageId).orElseThrow(() -> new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
        try {
            access.requireRead(user, m.channelId());
        } catch (RelaisException e) {
            throw new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message");
        }
        return m;
    }

    private int clamp(int limit) {
        return Math.max(1, Math.min(limit <= 0 ? 50 : limit, limits.historyMaxPage()));
    }
}
