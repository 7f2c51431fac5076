/**
 * The security audit log: logins and their failures, token creation and revocation, role changes,
 * deactivations, invitations, password resets and exclusions from channels. {@link fr.relais.hub.audit.AuditLog}
 * is the door features write through; {@code store/} owns the {@code audit_log} collection; {@code web/}
 * lets national admins read it. Entries are append-only: nothing in the hub updates them, and only the
 * retention sweep ({@code fr.relais.hub.retention}) deletes them, by age.
 */
package fr.relais.hub.audit;
