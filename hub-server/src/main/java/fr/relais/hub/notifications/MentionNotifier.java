package fr.relais.hub.notifications;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.realtime.ChannelEventListener;
import fr.relais.hub.realtime.PersonalEvents;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * On a new message, tells each mentioned person ({@code "type":"mention"}) and each other participant
 * of a direct message ({@code "type":"direct.message"}), on their personal queue, so clients can
 * notify even when the channel is not open.
 */
@Component
class MentionNotifier implements ChannelEventListener {
    private static final int EXCERPT = 140;

    private final PersonalEvents personal;
    private final ChannelDirectory channels;

    MentionNotifier(PersonalEvents personal, ChannelDirectory channels) {
        this.personal = personal;
        this.channels = channels;
    }

    @Override
    public void onEvents(List<ChannelEvent> events) {
        for (ChannelEvent e : events) {
            if (e.type() != ChannelEventType.MESSAGE_CREATED) continue;
            Message m = e.message();
            Channel channel = channels.find(m.channelId()).orElse(null);
            if (channel == null) continue;
            Set<String> notified = new LinkedHashSet<>();
            if (channel.kind() == ChannelKind.DIRECT) {
                for (String participant : channel.memberIds()) {
                    if (!participant.equals(m.author().id()) && notified.add(participant)) {
                        personal.send(participant, notification("direct.message", channel, m));
                    }
                }
            }
            for (String mentioned : m.mentions()) {
                if (!mentioned.equals(m.author().id()) && notified.add(mentioned)) {
                    personal.send(mentioned, notification("mention", channel, m));
                }
            }
        }
    }

    private static Map<String, Object> notification(String type, Channel channel, Message m) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", type);
        n.put("channelId", channel.id());
        n.put("channelName", channel.name());
        n.put("seq", m.seq());
        n.put("messageId", m.id());
        n.put("threadId", m.threadId());
        n.put("author", m.author());
        n.put("excerpt", m.text().length() > EXCERPT ? m.text().substring(0, EXCERPT) + "…" : m.text());
        return n;
    }
}
