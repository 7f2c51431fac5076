/**
 * How long identity and security data is kept. {@link fr.relais.hub.retention.RetentionSweep} deletes, on
 * every node every {@code relais.retention.sweep-every}, sessions and personal access tokens that ended
 * (expired or revoked) long enough ago, used or expired invitation and password-reset links, and audit
 * entries older than the audit retention. It owns no collection: it goes through the ports of
 * {@code identity} and {@code audit}, whose stores index the dates it filters on.
 */
package fr.relais.hub.retention;
