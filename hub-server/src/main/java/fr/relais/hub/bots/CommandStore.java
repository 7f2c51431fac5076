package fr.relais.hub.bots;

import java.util.List;
import java.util.Optional;

/** Persistence port for slash commands and their invocations. */
public interface CommandStore {
    /** Registers the name for this bot; false if another bot holds it. Re-registering updates it. */
    boolean register(SlashCommand command);

    boolean unregister(String name, String botId);

    Optional<SlashCommand> find(String name);

    List<SlashCommand> findAll();

    /** Inserts the invocation, or returns the one already stored for (callerId, clientCommandId). */
    CommandInvocation insertOrGet(CommandInvocation invocation);

    Optional<CommandInvocation> findInvocation(String id);

    List<CommandInvocation> pending(String botId, int limit);

    /** Stores the reply if the invocation is still pending; returns the stored invocation either way. */
    CommandInvocation answer(String id, CommandInvocation.Reply reply);
}
