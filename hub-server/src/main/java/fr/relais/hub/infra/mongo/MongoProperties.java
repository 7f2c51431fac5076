package fr.relais.hub.infra.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the hub stores its data.
 *
 * @param uri      a MongoDB connection string ({@code MONGODB_URI}); empty means "embedded"
 * @param database database name used with a real MongoDB
 * @param dataDir  directory of the embedded store (and of the search index), {@code RELAIS_DATA_DIR}
 * @param embeddedInMemory for tests only: the embedded server keeps nothing on disk
 */
@ConfigurationProperties("relais.mongo")
public record MongoProperties(String uri, String database, String dataDir, boolean embeddedInMemory) {
    public MongoProperties {
        if (database == null || database.isBlank()) database = "relais";
        if (dataDir == null || dataDir.isBlank()) dataDir = "data";
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
