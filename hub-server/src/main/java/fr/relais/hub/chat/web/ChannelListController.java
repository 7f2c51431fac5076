package fr.relais.hub.chat.web;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.chat.ChannelSummary;
import fr.relais.hub.chat.ReadState;
import fr.relais.hub.identity.User;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's sidebar: every channel they can read, with unread and mention counts. */
@RestController
class ChannelListController {
    private final ReadState readState;

    ChannelListController(ReadState readState) {
        this.readState = readState;
    }

    record ChannelSummaryResponse(String id, String kind, String name, String topic, String federation, boolean readOnly,
                                  List<String> memberIds, long lastSeq, long lastReadSeq, int unreadCount, int mentionCount) {
        static ChannelSummaryResponse of(ChannelSummary s) {
            Channel c = s.channel();
            boolean explicit = c.kind() == fr.relais.hub.channels.ChannelKind.PRIVATE || c.kind() == fr.relais.hub.channels.ChannelKind.DIRECT;
            return new ChannelSummaryResponse(c.id(), c.kind().name(), c.name(), c.topic(), c.federation(), c.readOnly(),
                    explicit ? c.memberIds().stream().sorted().toList() : List.of(), s.lastSeq(), s.lastReadSeq(),
                    s.unreadCount(), s.mentionCount());
        }
    }

    @GetMapping("/api/v1/channels")
    List<ChannelSummaryResponse> channels(@AuthenticationPrincipal User me) {
        return readState.channelsOf(me).stream().map(ChannelSummaryResponse::of).toList();
    }
}
