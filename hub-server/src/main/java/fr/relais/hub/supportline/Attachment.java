package fr.relais.hub.supportline;

/** A file sent with a ticket or a reply: its id in the file store, name, MIME type and size in bytes. */
public record Attachment(String id, String name, String contentType, long size) {
}
