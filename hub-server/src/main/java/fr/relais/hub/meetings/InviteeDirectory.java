package fr.relais.hub.meetings;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who should receive a meeting's personal notifications. Named users, members of invited federations
 * and members of the invited channel are listed from the directory; invitations by role or to a
 * national channel cannot be listed there, so the people connected to this node are checked too. Every
 * candidate is then checked against the invitation itself ({@link MeetingAccess#isInvited}).
 */
@Component
class InviteeDirectory {
    private static final int MAX_PER_FEDERATION = 20_000;

    private final UserDirectory users;
    private final ChannelDirectory channels;
    private final MeetingAccess access;
    private final ConnectedUsers connected;

    InviteeDirectory(UserDirectory users, ChannelDirectory channels, MeetingAccess access, ConnectedUsers connected) {
        this.users = users;
        this.channels = channels;
        this.access = access;
        this.connected = connected;
    }

    List<User> recipients(Meeting meeting) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(meeting.organizerId());
        candidates.addAll(meeting.invitees().userIds());
        List<User> found = new ArrayList<>();
        for (String federation : meeting.invitees().federations()) {
            found.addAll(users.findByFederation(federation, MAX_PER_FEDERATION));
        }
        String channelId = meeting.invitees().channelId();
        Channel channel = channelId == null ? null : channels.find(channelId).orElse(null);
        if (channel != null) {
            candidates.addAll(channel.memberIds());
            if (channel.kind() == ChannelKind.FEDERATION) found.addAll(users.findByFederation(channel.federation(), MAX_PER_FEDERATION));
        }
        candidates.addAll(connected.userIds());
        found.forEach(u -> candidates.remove(u.id()));
        found.addAll(users.findByIds(new ArrayList<>(candidates)));
        Set<String> seen = new LinkedHashSet<>();
        return found.stream().filter(u -> seen.add(u.id())).filter(u -> access.isInvited(u, meeting)).toList();
    }
}
