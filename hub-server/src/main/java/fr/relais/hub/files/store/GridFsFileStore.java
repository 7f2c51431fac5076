package fr.relais.hub.files.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;
import fr.relais.hub.files.FileStore;
import fr.relais.hub.files.StoredFile;
import java.io.InputStream;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Attachments in GridFS, bucket {@code attachments}: bytes in {@code attachments.chunks} (255 KiB chunks),
 * one {@code attachments.files} document per file with {@code filename} and
 * {@code metadata: {contentType, uploaderId, channelId}} ({@code channelId} null until a message claims it).
 * A failed upload leaves nothing behind (the driver removes the chunks it wrote).
 */
@Repository
class GridFsFileStore implements FileStore {
    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;

    GridFsFileStore(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, "attachments");
        this.files = database.getCollection("attachments.files");
    }

    @Override
    public StoredFile save(String name, String contentType, String uploaderId, InputStream content) {
        Document metadata = new Document("contentType", contentType).append("uploaderId", uploaderId).append("channelId", null);
        ObjectId id = bucket.uploadFromStream(name, content, new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(metadata));
        return find(id.toHexString()).orElseThrow();
    }

    @Override
    public Optional<StoredFile> find(String id) {
        ObjectId oid = parse(id);
        if (oid == null) return Optional.empty();
        GridFSFile f = bucket.find(eq("_id", oid)).first();
        if (f == null) return Optional.empty();
        Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
        return Optional.of(new StoredFile(oid.toHexString(), f.getFilename(), m.getString("contentType"), f.getLength(),
                m.getString("uploaderId"), m.getString("channelId"), f.getUploadDate().toInstant()));
    }

    @Override
    public InputStream open(String id) {
        return bucket.openDownloadStream(parse(id));
    }

    @Override
    public boolean claim(String id, String channelId) {
        ObjectId oid = parse(id);
        if (oid == null) return false;
        return files.updateOne(and(eq("_id", oid), or(eq("metadata.channelId", null), eq("metadata.channelId", channelId))),
                Updates.set("metadata.channelId", channelId)).getMatchedCount() == 1;
    }

    @Override
    public void delete(String id) {
        ObjectId oid = parse(id);
        if (oid != null) bucket.delete(oid);
    }

    private static ObjectId parse(String id) {
        return id != null && ObjectId.isValid(id) ? new ObjectId(id) : null;
    }
}
