package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.channels.ChannelStore;
import fr.relais.hub.identity.User;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Read markers, and the caller's channel list with unread and mention counts. */
@Service
public class ReadState {
    /** Counts stop here: the sidebar shows "99+". */
    static final int COUNT_CAP = 100;

    private final ChannelDirectory directory;
    private final ChannelAccess access;
    private final ChannelStore channels;
    private final MessageStore messages;
    private final ReadMarkerStore markers;

    ReadState(ChannelDirectory directory, ChannelAccess access, ChannelStore channels, MessageStore messages,
              ReadMarkerStore markers) {
        this.directory = directory;
        this.access = access;
        this.channels = channels;
        this.messages = messages;
        this.markers = markers;
    }

    public long markRead(User user, String channelId, long seq) {
        access.requireRead(user, channelId);
        return markers.advance(user.id(), channelId, Math.max(0, seq));
    }

    public List<ChannelSummary> channelsOf(User user) {
        Map<String, Long> read = markers.markersOf(user.id());
        Map<String, Long> lastSeqs = channels.lastSeqs();
        return directory.all().stream()
                .filter(c -> access.allows(user, c, ChannelAction.READ))
                .sorted(Comparator.comparing((Channel c) -> kindOrder(user, c)).thenComparing(Channel::name))
                .map(c -> {
                    long marker = read.getOrDefault(c.id(), 0L);
                    long last = lastSeqs.getOrDefault(c.id(), 0L);
                    int unread = last > marker ? messages.countUnread(c.id(), marker, user.id(), COUNT_CAP) : 0;
                    int mentions = last > marker ? messages.countMentions(c.id(), marker, user.id(), COUNT_CAP) : 0;
                    return new ChannelSummary(c, last, marker, unread, mentions);
                })
                .toList();
    }

    /** Own federation first, then national channels, then other federations, groups, direct messages. */
    private static int kindOrder(User user, Channel c) {
        if (c.kind() == ChannelKind.FEDERATION) return user.belongsTo(c.federation()) ? 0 : 2;
        return switch (c.kind()) {
            case NATIONAL -> 1;
            case PRIVATE -> 3;
            case DIRECT -> 4;
            default -> 5;
        };
    }
}
