package fr.relais.hub.infra.mongo.embedded;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores documents in the file as BSON, the wire format the server already speaks. The stock H2
 * backend uses Java serialisation, which the profile showed as the largest single cost of storing a
 * message: each commit re-serialises every document of every page it touches.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        writeDocument(out, document);
    }

    @Override
    public Document read(ByteBuffer in) {
        return readDocument(in);
    }

    /** MVStore serialises pages on its own thread(s): one scratch buffer each, reused. */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    static void writeDocument(WriteBuffer out, Map<String, ?> document) {
        ByteBuf bson = SCRATCH.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        out.putVarInt(length);
        out.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    static Document readDocument(ByteBuffer in) {
        int length = DataUtils.readVarInt(in);
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /** A cheap estimate (MVStore only needs it to size pages and its cache); encoding to measure would double the cost. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 40;
            for (Object element : list) size += 8 + estimate(element);
            return size;
        }
        if (value instanceof CharSequence text) return 40 + 2 * text.length();
        return 24;
    }

    @Override
    public int compare(Document a, Document b) {
        return ValueComparator.asc().compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
