package fr.relais.hub.bots;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.PostPolicy;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import org.springframework.stereotype.Component;

/**
 * A post whose text starts with a registered {@code /command} is not a message: it is routed to the bot
 * (as {@link SlashCommands#invoke}, keyed by the post's clientMessageId, so a resend routes once) and the
 * post is answered {@code command_routed} (202) instead of being stored. Clients that know about
 * commands call {@code POST /api/v1/channels/{id}/commands} directly; this keeps a command typed in any
 * client from ending up in the channel. Bots' own posts are never routed. Unknown {@code /words} are
 * ordinary text.
 */
@Component
class SlashCommandPolicy implements PostPolicy {
    private final SlashCommands commands;

    SlashCommandPolicy(SlashCommands commands) {
        this.commands = commands;
    }

    @Override
    public void check(User author, Channel channel, Message draft) {
        if (author.isBot() || draft.isReply() || !commands.isCommand(draft.text())) return;
        CommandInvocation invocation = commands.invoke(author, channel.id(), draft.text(), draft.clientMessageId());
        throw new RelaisException(ErrorCode.COMMAND_ROUTED,
                "Sent to the bot as /" + invocation.command() + " (invocation " + invocation.id() + ")");
    }
}
