package fr.relais.hub.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses between the embedded store and a configured MongoDB; everything else only sees {@link MongoDatabase}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoProperties.class)
public class MongoConfig {

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedMongoServer embeddedMongoServer(MongoProperties properties) {
        if (!properties.embedded()) return null;
        return properties.embeddedInMemory()
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.onDisk(Path.of(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        String uri = server != null ? server.connectionString() : properties.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("relais-hub");
        if (server == null && new ConnectionString(uri).getWriteConcern() == null) {
            // Acknowledged means on a majority of the replica set and in its journal.
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        String name = properties.embedded() ? properties.database()
                : new ConnectionString(properties.uri()).getDatabase() != null
                        ? new ConnectionString(properties.uri()).getDatabase() : properties.database();
        return client.getDatabase(name);
    }

    @Bean
    @Nullable
    EmbeddedStoreMetrics embeddedStoreMetrics(ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        return server == null ? null : new EmbeddedStoreMetrics(server);
    }

    @Bean
    StorageDurability storageDurability(ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        return server == null ? StorageDurability.ALREADY_DURABLE : server::commit;
    }
}
