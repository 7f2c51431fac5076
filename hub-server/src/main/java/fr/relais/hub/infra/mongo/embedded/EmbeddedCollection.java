package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store. One addition to the stock one: a page sorted by the second key
 * of a compound unique index, with an equality on its first ({@code channelId = X ... sort by seq,
 * limit 50} — opening a channel, scrolling back, catching up), is read in index order and stops at the
 * limit. The stock collection decoded and sorted every matching document first: the whole channel.
 */
final class EmbeddedCollection extends H2Collection {
    private final List<EmbeddedUniqueIndex> uniqueIndexes = new CopyOnWriteArrayList<>();

    EmbeddedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                       MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof EmbeddedUniqueIndex unique) uniqueIndexes.add(unique);
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        uniqueIndexes.removeIf(index -> index.getName().equals(indexName));
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (limit > 0 && orderBy != null && orderBy.size() == 1 && (fieldSelector == null || fieldSelector.isEmpty())) {
            Map.Entry<String, Object> sort = orderBy.entrySet().iterator().next();
            if (sort.getValue() instanceof Number direction && Math.abs(direction.intValue()) == 1) {
                for (EmbeddedUniqueIndex index : uniqueIndexes) {
                    List<Object> positions = index.positionsSortedBy(query, sort.getKey());
                    if (positions != null) {
                        return createQueryResult(page(positions, direction.intValue() < 0, query, numberToSkip, limit), batchSize);
                    }
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private List<Document> page(List<Object> positions, boolean descending, Document query, int skip, int limit) {
        List<Document> page = new ArrayList<>(Math.min(limit, positions.size()));
        int skipped = 0;
        ListIterator<Object> it = positions.listIterator(descending ? positions.size() : 0);
        while (descending ? it.hasPrevious() : it.hasNext()) {
            Document document = getDocument(descending ? it.previous() : it.next());
            if (document == null || !documentMatchesQuery(document, query)) continue;
            if (skipped < skip) {
                skipped++;
                continue;
            }
            page.add(document);
            if (page.size() == limit) break;
        }
        return page;
    }
}
