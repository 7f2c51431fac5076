package fr.relais.hub.live;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.chat.PostPolicy;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slow mode of a live session, checked on every post (REST and STOMP): at most one message per
 * {@code slowModeSeconds} per member; the channel's moderators and bots are exempt. The slot is taken
 * atomically in storage, so a member connected to two nodes cannot post twice. Resending a message
 * already stored (same clientMessageId) is never refused: it stores nothing new.
 */
@Component
class SlowMode implements PostPolicy {
    private final LiveSessions sessions;
    private final LiveSessionStore store;
    private final ChannelAccess access;
    private final MessageStore messages;
    private final Clock clock;

    SlowMode(LiveSessions sessions, LiveSessionStore store, ChannelAccess access, MessageStore messages, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void check(User author, Channel channel, Message draft) {
        LiveSession session = sessions.cached(channel.id()).orElse(null);
        if (session == null || session.slowModeSeconds() <= 0) return;
        if (author.isBot() || access.allows(author, channel, ChannelAction.MODERATE)) return;
        Duration interval = Duration.ofSeconds(session.slowModeSeconds());
        if (store.claimPostSlot(channel.id(), author.id(), clock.instant(), interval)) return;
        if (messages.findByClientMessageId(author.id(), draft.clientMessageId()).isPresent()) return;
        throw new RelaisException(ErrorCode.SLOW_MODE, "Slow mode: one message every " + session.slowModeSeconds()
                + " seconds during this live session");
    }
}
