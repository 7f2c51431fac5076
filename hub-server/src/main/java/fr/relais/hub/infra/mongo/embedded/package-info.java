/**
 * The embedded store's backend for mongo-java-server: an H2 MVStore file with one map per collection
 * and per unique index, documents kept as BSON and keys compared directly. Only
 * {@link fr.relais.hub.infra.mongo.EmbeddedMongoServer} uses it; everything else reaches the data through
 * the MongoDB driver, as with a real MongoDB.
 */
package fr.relais.hub.infra.mongo.embedded;
