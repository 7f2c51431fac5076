package fr.relais.hub.search;

import fr.relais.hub.chat.Message;
import fr.relais.hub.infra.mongo.MongoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * Lucene index under {@code <data dir>/search-index} (in memory when the store is). French analyser:
 * "fédérations" finds "fédération", accents and case do not matter.
 *
 * <p>Writes are made visible to searches by near-real-time refresh (cheap); they are committed to disk
 * only by {@link #commit(String)} — every few seconds and at shutdown — with the id of the last message
 * indexed, from which {@link SearchIndexer} catches up after a crash. All writes come from the
 * indexer's single thread.
 */
@Component
class LuceneMessageIndex implements MessageSearchIndex {
    static final String LAST_INDEXED = "lastIndexedId";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FrenchAnalyzer analyzer = new FrenchAnalyzer();

    LuceneMessageIndex(MongoProperties storage) {
        try {
            directory = storage.embedded() && storage.embeddedInMemory()
                    ? new ByteBuffersDirectory()
                    : FSDirectory.open(Path.of(storage.dataDir(), "search-index"));
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index", e);
        }
    }

    @Override
    public void index(List<Message> messages) {
        try {
            for (Message m : messages) {
                if (m.deleted()) {
                    writer.deleteDocuments(new Term("id", m.id()));
                    continue;
                }
                Document doc = new Document();
                doc.add(new StringField("id", m.id(), Field.Store.YES));
                doc.add(new StringField("channelId", m.channelId(), Field.Store.NO));
                doc.add(new TextField("text", m.text(), Field.Store.NO));
                writer.updateDocument(new Term("id", m.id()), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was indexed visible to searches (a new segment: done per drain, not per message). */
    void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything indexed so far durable, remembering the last message id indexed. */
    void commit(String lastIndexedId) {
        try {
            if (lastIndexedId != null) writer.setLiveCommitData(Map.of(LAST_INDEXED, lastIndexedId).entrySet());
            if (writer.hasUncommittedChanges()) writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last message id of the last commit, if any. */
    Optional<String> lastCommittedId() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) return Optional.empty();
        for (Map.Entry<String, String> e : data) if (LAST_INDEXED.equals(e.getKey())) return Optional.of(e.getValue());
        return Optional.empty();
    }

    @Override
    public List<String> search(String query, Collection<String> channelIds, int limit) {
        if (channelIds.isEmpty()) return List.of();
        Query text = new SimpleQueryParser(analyzer, "text").parse(query);
        if (text == null) return List.of();
        Query filtered = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery("channelId", channelIds.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(filtered, limit).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get("id"));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** Called by the indexer once its last writes are done. */
    void close(String lastIndexedId) throws IOException {
        commit(lastIndexedId);
        searchers.close();
        writer.close();
        directory.close();
    }
}
