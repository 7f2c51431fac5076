package fr.relais.hub.infra.mongo;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records ⇄ BSON documents through their JSON form (instants as ISO-8601 strings). Fields that queries
 * compare in time are stored a second time as BSON dates under a {@code q_} name, because ISO strings
 * with different fraction lengths do not sort as instants.
 */
public final class JsonDocuments {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private JsonDocuments() {
    }

    public static Document toDocument(String id, Object record) {
        Document d = Document.parse(JSON.writeValueAsString(record));
        d.put("_id", id);
        return d;
    }

    public static <T> T fromDocument(Document d, Class<T> type) {
        return JSON.readValue(d.toJson(RELAXED), type);
    }

    public static boolean isDuplicate(com.mongodb.MongoWriteException e) {
        return com.mongodb.ErrorCategory.fromErrorCode(e.getCode()) == com.mongodb.ErrorCategory.DUPLICATE_KEY;
    }
}
