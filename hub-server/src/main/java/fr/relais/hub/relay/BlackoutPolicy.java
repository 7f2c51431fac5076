package fr.relais.hub.relay;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.PostPolicy;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * During a blackout window, bots hold their posts: a bot's post in a federation or national channel is
 * refused with {@code blackout_active} (423), so outward bots (alerts, relays) keep it and try again
 * after the window. People are never held, nor direct messages.
 */
@Component
class BlackoutPolicy implements PostPolicy {
    private final Blackouts blackouts;
    private final Clock clock;

    BlackoutPolicy(Blackouts blackouts, Clock clock) {
        this.blackouts = blackouts;
        this.clock = clock;
    }

    @Override
    public void check(User author, Channel channel, Message draft) {
        if (!author.isBot() || channel.kind() == ChannelKind.DIRECT) return;
        blackouts.activeAt(clock.instant()).ifPresent(b -> {
            throw new RelaisException(ErrorCode.BLACKOUT_ACTIVE,
                    "Blackout until " + b.to() + (b.reason().isEmpty() ? "" : " (" + b.reason() + ")") + ": bots hold their posts");
        });
    }
}
