package fr.relais.hub.channels.web;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ChannelExclusions;
import fr.relais.hub.channels.Exclusion;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.identity.web.UserResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating channels, private groups and direct messages; members. (The sidebar list is in chat.web.) */
@RestController
@RequestMapping("/api/v1")
class ChannelController {
    private final ChannelDirectory directory;
    private final ChannelAccess access;
    private final UserDirectory users;
    private final ChannelExclusions exclusions;
    private final AuditLog audit;

    ChannelController(ChannelDirectory directory, ChannelAccess access, UserDirectory users, ChannelExclusions exclusions,
                      AuditLog audit) {
        this.directory = directory;
        this.access = access;
        this.users = users;
        this.exclusions = exclusions;
        this.audit = audit;
    }

    record ChannelResponse(String id, String kind, String name, String topic, String federation, boolean readOnly,
                           List<String> memberIds) {
        static ChannelResponse of(Channel c) {
            return new ChannelResponse(c.id(), c.kind().name(), c.name(), c.topic(), c.federation(), c.readOnly(),
                    c.memberIds().stream().sorted().toList());
        }
    }

    @GetMapping("/channels/{channelId}")
    ChannelResponse get(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        return ChannelResponse.of(access.requireRead(me, channelId));
    }

    record CreateChannelRequest(String kind, String name, String topic, Boolean readOnly, List<String> memberIds) {
    }

    /** PRIVATE groups: anyone but bots. NATIONAL channels: national admins and HQ staff. */
    @PostMapping("/channels")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelResponse create(@AuthenticationPrincipal User me, @RequestBody CreateChannelRequest body) {
        ChannelKind kind;
        try {
            kind = ChannelKind.valueOf(body.kind() == null ? "PRIVATE" : body.kind());
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("kind must be PRIVATE or NATIONAL");
        }
        return switch (kind) {
            case PRIVATE -> {
                if (me.isBot()) throw RelaisException.forbidden("Bots do not create groups");
                yield ChannelResponse.of(directory.createPrivateGroup(me, body.name(), body.topic(), existingUsers(body.memberIds())));
            }
            case NATIONAL -> {
                if (!me.isStaff()) throw RelaisException.forbidden("Only national admins and HQ staff create national channels");
                yield ChannelResponse.of(directory.createNational(me, body.name(), body.topic(), Boolean.TRUE.equals(body.readOnly())));
            }
            default -> throw RelaisException.invalid("kind must be PRIVATE or NATIONAL");
        };
    }

    record DirectRequest(List<String> userIds) {
    }

    /** Opens (or finds) the direct-message channel with these people. */
    @PostMapping("/dms")
    ChannelResponse direct(@AuthenticationPrincipal User me, @RequestBody DirectRequest body) {
        return ChannelResponse.of(directory.openDirect(me, existingUsers(body.userIds())));
    }

    @GetMapping("/channels/{channelId}/members")
    List<UserResponse> members(@AuthenticationPrincipal User me, @PathVariable String channelId,
                               @RequestParam(defaultValue = "200") int limit) {
        Channel channel = access.requireRead(me, channelId);
        int max = Math.min(Math.max(limit, 1), 500);
        List<User> members = switch (channel.kind()) {
            case FEDERATION -> users.findByFederation(channel.federation(), max);
            case NATIONAL -> users.search("", max);
            case PRIVATE, DIRECT -> users.findByIds(List.copyOf(channel.memberIds()));
        };
        return members.stream().filter(User::active).map(UserResponse::of).toList();
    }

    record MembersRequest(List<String> userIds) {
    }

    @PostMapping("/channels/{channelId}/members")
    ChannelResponse addMembers(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody MembersRequest body) {
        Channel channel = access.require(me, channelId, ChannelAction.ADMIN);
        return ChannelResponse.of(directory.addMembers(channel, existingUsers(body.userIds())));
    }

    @DeleteMapping("/channels/{channelId}/members/{userId}")
    ChannelResponse removeMember(@AuthenticationPrincipal User me, @PathVariable String channelId, @PathVariable String userId) {
        Channel channel = me.id().equals(userId) ? access.requireRead(me, channelId) : access.require(me, channelId, ChannelAction.MODERATE);
        return ChannelResponse.of(directory.removeMember(channel, userId));
    }

    record ExclusionRequest(String userId, String reason) {
    }

    record ExclusionResponse(String channelId, String userId, String excludedBy, String reason, String at) {
        static ExclusionResponse of(Exclusion e) {
            return new ExclusionResponse(e.channelId(), e.userId(), e.excludedBy(), e.reason(), e.at().toString());
        }
    }

    /**
     * Excludes someone from the channel under the charter (moderators): they lose read access at once,
     * their live subscriptions to it are dropped, and they are removed from its explicit members.
     */
    @PostMapping("/channels/{channelId}/exclusions")
    @ResponseStatus(HttpStatus.CREATED)
    ExclusionResponse exclude(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody ExclusionRequest body) {
        Channel channel = access.require(me, channelId, ChannelAction.MODERATE);
        User target = users.require(body.userId());
        Exclusion exclusion = exclusions.exclude(me, channel, target, body.reason());
        if (channel.hasMember(target.id())) directory.removeMember(channel, target.id());
        audit.record(AuditLog.MEMBER_EXCLUDED, me.id(), target.id(), "channel", channelId, "reason", exclusion.reason());
        return ExclusionResponse.of(exclusion);
    }

    @GetMapping("/channels/{channelId}/exclusions")
    List<ExclusionResponse> exclusions(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        access.require(me, channelId, ChannelAction.MODERATE);
        return exclusions.of(channelId).stream().map(ExclusionResponse::of).toList();
    }

    @DeleteMapping("/channels/{channelId}/exclusions/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@AuthenticationPrincipal User me, @PathVariable String channelId, @PathVariable String userId) {
        access.require(me, channelId, ChannelAction.MODERATE);
        if (exclusions.lift(channelId, userId)) {
            audit.record(AuditLog.EXCLUSION_LIFTED, me.id(), userId, "channel", channelId);
        }
    }

    private Set<String> existingUsers(List<String> ids) {
        Set<String> result = new HashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) result.add(users.require(id).id());
        return result;
    }
}
