package fr.relais.hub.supportline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.relais.hub.supportline.Ticket;
import fr.relais.hub.supportline.TicketFigures;
import fr.relais.hub.supportline.TicketQuery;
import fr.relais.hub.supportline.TicketStatus;
import fr.relais.hub.supportline.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code support_tickets} collection: one document per ticket, current state plus its transition
 * history (see TicketDocuments), and the ticket-number counter in {@code support_counters}.
 *
 * <p>Guarantee: every change is {@code replaceOne({_id, version: n-1}, ticket@n)} — atomic on one
 * document, so concurrent writers (staff, hub nodes, the timer sweep) never overwrite each other: one
 * lands, the others see {@code false} and decide again on the fresh state. No multi-document
 * transaction is used (the embedded store has none).
 *
 * <p>Indexes: {@code number} unique; {@code (status, waitingKey)} for the queue; {@code (federation,
 * createdAt)} for a federation's list and metrics; {@code createdAt}; {@code nextAlertAt} and
 * {@code autoCloseAt} for the timer sweep.
 */
@Repository
class MongoTicketStore implements TicketStore {
    private static final List<String> ACTIVE = TicketStatus.ACTIVE.stream().map(Enum::name).toList();
    private static final Bson FIGURES = Projections.include("federation", "category", "status", "createdAt",
            "firstResponseMillis", "resolutionMillis", "rating");

    private final MongoCollection<Document> tickets;
    private final MongoCollection<Document> counters;

    MongoTicketStore(MongoDatabase database) {
        this.tickets = database.getCollection("support_tickets");
        this.counters = database.getCollection("support_counters");
        tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
        tickets.createIndex(Indexes.ascending("status", "waitingKey"));
        tickets.createIndex(Indexes.ascending("federation", "createdAt"));
        tickets.createIndex(Indexes.ascending("createdAt"));
        tickets.createIndex(Indexes.ascending("nextAlertAt"));
        tickets.createIndex(Indexes.ascending("autoCloseAt"));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public long nextNumber() {
        Document after = counters.findOneAndUpdate(eq("_id", "tickets"), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.get("value", Number.class).longValue();
    }

    @Override
    public void insert(Ticket ticket) {
        tickets.insertOne(TicketDocuments.toDocument(ticket));
    }

    @Override
    public java.util.Set<String> idsWithAttachment(String fileId) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        tickets.find(eq("attachments.id", fileId)).projection(com.mongodb.client.model.Projections.include("_id")).limit(20)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Override
    public Optional<Ticket> findById(String id) {
        return Optional.ofNullable(tickets.find(eq("_id", id)).first()).map(TicketDocuments::toTicket);
    }

    @Override
    public boolean replace(Ticket next) {
        return tickets.replaceOne(and(eq("_id", next.id()), eq("version", next.version() - 1)),
                TicketDocuments.toDocument(next)).getMatchedCount() == 1;
    }

    @Override
    public List<Ticket> search(TicketQuery q) {
        List<Bson> filters = new ArrayList<>();
        if (q.federation() != null) filters.add(eq("federation", q.federation()));
        if (!q.statuses().isEmpty()) filters.add(in("status", q.statuses().stream().map(Enum::name).toList()));
        if (q.category() != null) filters.add(eq("category", q.category()));
        if (q.priority() != null) filters.add(eq("priority", q.priority().name()));
        if (q.queue() != null) filters.add(eq("queue", q.queue()));
        if (q.assigneeId() != null) {
            filters.add(TicketQuery.UNASSIGNED.equals(q.assigneeId()) ? eq("assigneeId", null) : eq("assigneeId", q.assigneeId()));
        }
        if (q.text() != null) {
            String pattern = literal(q.text());
            List<Bson> any = new ArrayList<>(List.of(regex("subject", pattern, "i"), regex("description", pattern, "i")));
            if (q.orTicketIds() != null && !q.orTicketIds().isEmpty()) any.add(in("_id", q.orTicketIds()));
            filters.add(or(any));
        }
        Bson sort = switch (q.sort()) {
            case WAITING -> Sorts.ascending("waitingKey", "createdAt");
            case PRIORITY -> Sorts.orderBy(Sorts.descending("priorityRank"), Sorts.ascending("createdAt"));
            case CREATED -> Sorts.descending("createdAt");
            case UPDATED -> Sorts.descending("updatedAt");
        };
        return tickets.find(filters.isEmpty() ? new Document() : and(filters)).sort(sort).skip(q.offset()).limit(q.limit())
                .map(TicketDocuments::toTicket).into(new ArrayList<>());
    }

    @Override
    public List<Ticket> dueForAlert(Instant now, int limit) {
        return tickets.find(and(lte("nextAlertAt", Date.from(now)), in("status", ACTIVE)))
                .sort(Sorts.ascending("nextAlertAt")).limit(limit).map(TicketDocuments::toTicket).into(new ArrayList<>());
    }

    @Override
    public List<Ticket> dueForAutoClose(Instant now, int limit) {
        return tickets.find(and(lte("autoCloseAt", Date.from(now)), eq("status", TicketStatus.RESOLVED.name())))
                .sort(Sorts.ascending("autoCloseAt")).limit(limit).map(TicketDocuments::toTicket).into(new ArrayList<>());
    }

    @Override
    public List<TicketFigures> openedBetween(Instant from, Instant to, @Nullable String federation, @Nullable String category,
                                             int limit) {
        List<Bson> filters = new ArrayList<>(List.of(gte("createdAt", Date.from(from)), lt("createdAt", Date.from(to))));
        if (federation != null) filters.add(eq("federation", federation));
        if (category != null) filters.add(eq("category", category));
        return tickets.find(and(filters)).projection(FIGURES).sort(Sorts.ascending("createdAt")).limit(limit)
                .map(MongoTicketStore::figures).into(new ArrayList<>());
    }

    @Override
    public List<TicketFigures> backlog(@Nullable String federation, @Nullable String category, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(in("status", ACTIVE)));
        if (federation != null) filters.add(eq("federation", federation));
        if (category != null) filters.add(eq("category", category));
        return tickets.find(and(filters)).projection(FIGURES).limit(limit).map(MongoTicketStore::figures).into(new ArrayList<>());
    }

    @Override
    public List<Ticket> activeTickets(int limit) {
        return tickets.find(in("status", ACTIVE)).limit(limit).map(TicketDocuments::toTicket).into(new ArrayList<>());
    }

    private static TicketFigures figures(Document d) {
        Number rating = d.get("rating", Number.class);
        return new TicketFigures(d.getString("federation"), d.getString("category"), TicketStatus.valueOf(d.getString("status")),
                TicketDocuments.instant(d, "createdAt"), TicketDocuments.optionalNumber(d, "firstResponseMillis"),
                TicketDocuments.optionalNumber(d, "resolutionMillis"), rating == null ? null : rating.intValue());
    }

    /** A regular expression matching {@code text} literally (escaped by hand: portable to every MongoDB regex engine). */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/".indexOf(ch) >= 0) sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }
}
