package fr.relais.hub.bots.store;

import fr.relais.hub.infra.mongo.JsonDocuments;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.bots.CommandInvocation;
import fr.relais.hub.bots.CommandStore;
import fr.relais.hub.bots.SlashCommand;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Collections of slash commands.
 * <ul>
 *   <li>{@code bot_commands}: {@code _id} = the command name (so a name belongs to one bot, on any node).</li>
 *   <li>{@code bot_invocations}: {@code _id} = invocation id; unique index {@code (callerId, clientCommandId)}
 *       makes a resent command one invocation; index {@code (botId, status, q_createdAt)} lists what a bot
 *       still has to answer. Answering is a conditional update on {@code status: PENDING}.</li>
 * </ul>
 */
@Repository
class MongoCommandStore implements CommandStore {
    private final MongoCollection<Document> commands;
    private final MongoCollection<Document> invocations;

    MongoCommandStore(MongoDatabase database) {
        this.commands = database.getCollection("bot_commands");
        this.invocations = database.getCollection("bot_invocations");
        invocations.createIndex(Indexes.ascending("callerId", "clientCommandId"), new IndexOptions().unique(true));
        invocations.createIndex(Indexes.ascending("botId", "status", "q_createdAt"));
    }

    @Override
    public boolean register(SlashCommand command) {
        try {
            commands.insertOne(JsonDocuments.toDocument(command.name(), command));
            return true;
        } catch (MongoWriteException e) {
            if (!JsonDocuments.isDuplicate(e)) throw e;
        }
        return commands.replaceOne(and(eq("_id", command.name()), eq("botId", command.botId())),
                JsonDocuments.toDocument(command.name(), command)).getMatchedCount() == 1;
    }

    @Override
    public boolean unregister(String name, String botId) {
        return commands.deleteOne(and(eq("_id", name), eq("botId", botId))).getDeletedCount() == 1;
    }

    @Override
    public Optional<SlashCommand> find(String name) {
        return Optional.ofNullable(commands.find(eq("_id", name)).first()).map(d -> JsonDocuments.fromDocument(d, SlashCommand.class));
    }

    @Override
    public List<SlashCommand> findAll() {
        return commands.find().sort(Sorts.ascending("_id")).map(d -> JsonDocuments.fromDocument(d, SlashCommand.class)).into(new ArrayList<>());
    }

    @Override
    public CommandInvocation insertOrGet(CommandInvocation invocation) {
        Document d = JsonDocuments.toDocument(invocation.id(), invocation);
        d.put("q_createdAt", Date.from(invocation.createdAt()));
        try {
            invocations.insertOne(d);
            return invocation;
        } catch (MongoWriteException e) {
            if (!JsonDocuments.isDuplicate(e)) throw e;
        }
        Document existing = invocations.find(and(eq("callerId", invocation.callerId()),
                eq("clientCommandId", invocation.clientCommandId()))).first();
        return JsonDocuments.fromDocument(existing, CommandInvocation.class);
    }

    @Override
    public Optional<CommandInvocation> findInvocation(String id) {
        return Optional.ofNullable(invocations.find(eq("_id", id)).first()).map(d -> JsonDocuments.fromDocument(d, CommandInvocation.class));
    }

    @Override
    public List<CommandInvocation> pending(String botId, int limit) {
        return invocations.find(and(eq("botId", botId), eq("status", "PENDING"))).sort(Sorts.ascending("q_createdAt")).limit(limit)
                .map(d -> JsonDocuments.fromDocument(d, CommandInvocation.class)).into(new ArrayList<>());
    }

    @Override
    public CommandInvocation answer(String id, CommandInvocation.Reply reply) {
        Document replyDoc = Document.parse(JsonDocuments.toDocument("x", reply).toJson());
        replyDoc.remove("_id");
        invocations.updateOne(and(eq("_id", id), eq("status", "PENDING")),
                Updates.combine(Updates.set("status", "ANSWERED"), Updates.set("reply", replyDoc)));
        return findInvocation(id).orElseThrow();
    }
}
