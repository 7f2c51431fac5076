package fr.relais.hub.meetings;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import org.springframework.stereotype.Component;

/**
 * The one place that says who may schedule, see, change, join and moderate a meeting. Functions named
 * {@code require*} throw; a meeting the user may not see is reported as "not found".
 * <ul>
 *   <li>schedule: HQ staff, national admins, federation coordinators</li>
 *   <li>see: the organiser, invitees, HQ staff and national admins</li>
 *   <li>change or cancel: the organiser, HQ staff and national admins</li>
 *   <li>join (get a Jitsi token) and answer: the organiser and invitees only</li>
 *   <li>moderate the room: the organiser, HQ staff and national admins</li>
 * </ul>
 */
@Component
public class MeetingAccess {
    private final MeetingStore store;
    private final ChannelDirectory channels;
    private final ChannelAccess channelAccess;

    MeetingAccess(MeetingStore store, ChannelDirectory channels, ChannelAccess channelAccess) {
        this.store = store;
        this.channels = channels;
        this.channelAccess = channelAccess;
    }

    public boolean canSchedule(User user) {
        return user.active() && (user.isStaff() || user.has(Role.FEDERATION_COORDINATOR));
    }

    public boolean isInvited(User user, Meeting meeting) {
        if (!user.active()) return false;
        return user.id().equals(meeting.organizerId()) || meeting.invitees().includes(user, id -> readsChannel(user, id));
    }

    public boolean canSee(User user, Meeting meeting) {
        return user.active() && (user.isStaff() || isInvited(user, meeting));
    }

    public boolean canEdit(User user, Meeting meeting) {
        return user.active() && (user.id().equals(meeting.organizerId()) || user.isStaff());
    }

    public boolean isModerator(User user, Meeting meeting) {
        return user.active() && (user.id().equals(meeting.organizerId()) || user.isStaff());
    }

    public boolean readsChannel(User user, String channelId) {
        return channels.find(channelId).map(c -> channelAccess.allows(user, c, ChannelAction.READ)).orElse(false);
    }

    /** Ids of the channels the user may read (invitations "to a channel" reach them). */
    public java.util.List<String> readableChannelIds(User user) {
        return channels.all().stream().filter(c -> channelAccess.allows(user, c, ChannelAction.READ)).map(c -> c.id()).toList();
    }

    public Meeting requireVisible(User user, String meetingId) {
        Meeting meeting = store.findById(meetingId).orElse(null);
        if (meeting == null || !canSee(user, meeting)) {
            throw new RelaisException(ErrorCode.MEETING_NOT_FOUND, "No such meeting");
        }
        return meeting;
    }

    public Meeting requireEditable(User user, String meetingId) {
        Meeting meeting = requireVisible(user, meetingId);
        if (!canEdit(user, meeting)) throw RelaisException.forbidden("Only the organiser or HQ staff change a meeting");
        return meeting;
    }

    public void requireInvited(User user, Meeting meeting) {
        if (!isInvited(user, meeting)) {
            throw new RelaisException(ErrorCode.NOT_INVITED, "You are not invited to this meeting");
        }
    }
}
