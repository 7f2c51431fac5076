package fr.relais.hub.supportline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import fr.relais.hub.supportline.TicketPost;
import fr.relais.hub.supportline.TicketPostStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * The {@code support_posts} collection: replies and internal notes, one document each, never changed.
 * Indexes: {@code (ticketId, createdAt)} — a ticket's conversation; {@code (authorId, clientMessageId)}
 * unique — a resend never stores a post twice, even across nodes. Every read that may reach the
 * requester side filters on {@code visibility: PUBLIC} here, in the query.
 */
@Repository
class MongoTicketPostStore implements TicketPostStore {
    private final MongoCollection<Document> posts;

    MongoTicketPostStore(MongoDatabase database) {
        this.posts = database.getCollection("support_posts");
        posts.createIndex(Indexes.ascending("ticketId", "createdAt"));
        posts.createIndex(Indexes.ascending("authorId", "clientMessageId"), new IndexOptions().unique(true));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public TicketPost insert(TicketPost post) {
        try {
            posts.insertOne(TicketDocuments.toDocument(post));
            return post;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
            Document existing = posts.find(and(eq("authorId", post.author().id()), eq("clientMessageId", post.clientMessageId()))).first();
            if (existing == null) throw e;
            return TicketDocuments.toPost(existing);
        }
    }

    @Override
    public List<TicketPost> list(String ticketId, boolean includeInternal, int limit) {
        Bson filter = includeInternal ? eq("ticketId", ticketId)
                : and(eq("ticketId", ticketId), eq("visibility", TicketPost.Visibility.PUBLIC.name()));
        return posts.find(filter).sort(Sorts.ascending("createdAt", "_id")).limit(limit).map(TicketDocuments::toPost)
                .into(new ArrayList<>());
    }

    @Override
    public Set<String> ticketIdsWithAttachment(String fileId, boolean includeInternal) {
        Bson match = eq("attachments.id", fileId);
        Bson filter = includeInternal ? match : and(match, eq("visibility", TicketPost.Visibility.PUBLIC.name()));
        Set<String> ids = new LinkedHashSet<>();
        posts.find(filter).projection(Projections.include("ticketId")).limit(20).forEach(d -> ids.add(d.getString("ticketId")));
        return ids;
    }

    @Override
    public Set<String> ticketIdsMatching(String text, boolean includeInternal, int limit) {
        Bson match = regex("text", MongoTicketStore.literal(text), "i");
        Bson filter = includeInternal ? match : and(match, eq("visibility", TicketPost.Visibility.PUBLIC.name()));
        Set<String> ids = new LinkedHashSet<>();
        posts.find(filter).projection(Projections.include("ticketId")).limit(limit).forEach(d -> ids.add(d.getString("ticketId")));
        return ids;
    }
}
