package fr.relais.hub.bots.store;

import fr.relais.hub.infra.mongo.JsonDocuments;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import fr.relais.hub.bots.Bot;
import fr.relais.hub.bots.BotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code bots} collection: {@code _id} = the bot's user id, the {@link Bot} fields; index on {@code ownerId}. */
@Repository
class MongoBotStore implements BotStore {
    private final MongoCollection<Document> bots;

    MongoBotStore(MongoDatabase database) {
        this.bots = database.getCollection("bots");
        bots.createIndex(Indexes.ascending("ownerId"));
    }

    @Override
    public void insert(Bot bot) {
        bots.insertOne(JsonDocuments.toDocument(bot.id(), bot));
    }

    @Override
    public void replace(Bot bot) {
        bots.replaceOne(eq("_id", bot.id()), JsonDocuments.toDocument(bot.id(), bot));
    }

    @Override
    public Optional<Bot> find(String id) {
        return Optional.ofNullable(bots.find(eq("_id", id)).first()).map(d -> JsonDocuments.fromDocument(d, Bot.class));
    }

    @Override
    public List<Bot> findAll() {
        return bots.find().sort(Sorts.ascending("username")).map(d -> JsonDocuments.fromDocument(d, Bot.class)).into(new ArrayList<>());
    }

    @Override
    public List<Bot> findByOwner(String ownerId) {
        return bots.find(eq("ownerId", ownerId)).sort(Sorts.ascending("username"))
                .map(d -> JsonDocuments.fromDocument(d, Bot.class)).into(new ArrayList<>());
    }
}
