/**
 * MongoDB access: the one {@code MongoClient} of the hub, and the embedded MongoDB-wire server that
 * stands in for MongoDB when no {@code MONGODB_URI} is configured. Feature stores (the {@code store} packages)
 * take a {@link com.mongodb.client.MongoDatabase} from here and own their collections.
 */
package fr.relais.hub.infra.mongo;
