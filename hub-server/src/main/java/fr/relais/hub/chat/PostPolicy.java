package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.identity.User;

/**
 * A rule a post must pass before it is handed to the channel's writer (for example the slow mode of a
 * live session). Features declare beans of this type; {@link MessageSender} asks each of them, after its
 * own checks (access, text, thread) and before submitting. Called on the sender's thread for every post:
 * must be quick when it does not apply.
 */
public interface PostPolicy {
    /**
     * @param draft the message as it would be stored (no seq yet; clientMessageId always set)
     * @throws fr.relais.hub.common.RelaisException to refuse the post
     */
    void check(User author, Channel channel, Message draft);
}
