package fr.relais.hub.supportline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import fr.relais.hub.supportline.CannedResponse;
import fr.relais.hub.supportline.CannedResponseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/** The {@code support_canned_responses} collection: one document per canned response, sorted by title. */
@Repository
class MongoCannedResponseStore implements CannedResponseStore {
    private final MongoCollection<Document> responses;

    MongoCannedResponseStore(MongoDatabase database) {
        this.responses = database.getCollection("support_canned_responses");
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public void save(CannedResponse r) {
        Document d = new Document("_id", r.id()).append("title", r.title()).append("body", r.body())
                .append("createdBy", TicketDocuments.user(r.createdBy())).append("updatedAt", TicketDocuments.date(r.updatedAt()));
        responses.replaceOne(eq("_id", r.id()), d, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<CannedResponse> findById(String id) {
        return Optional.ofNullable(responses.find(eq("_id", id)).first()).map(MongoCannedResponseStore::toResponse);
    }

    @Override
    public List<CannedResponse> all(int limit) {
        return responses.find().sort(Sorts.ascending("title")).limit(limit).map(MongoCannedResponseStore::toResponse)
                .into(new ArrayList<>());
    }

    @Override
    public boolean delete(String id) {
        return responses.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    private static CannedResponse toResponse(Document d) {
        return new CannedResponse(d.getString("_id"), d.getString("title"), d.getString("body"),
                TicketDocuments.userRef(d.get("createdBy", Document.class)), TicketDocuments.instant(d, "updatedAt"));
    }
}
