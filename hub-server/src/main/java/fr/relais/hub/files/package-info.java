/**
 * Attachments: files (images, PDFs, short videos) uploaded by a user and then sent with a message.
 *
 * <p>Life of a file: {@code POST /api/v1/files} stores it (type checked against its first bytes, size
 * limited) with its uploader and no channel; posting a message with its id <em>claims</em> it for that
 * message's channel ({@link fr.relais.hub.files.Attachments#claim}). From then on only readers of that
 * channel (and the uploader) may download it. The browser downloads through short-lived signed links
 * ({@link fr.relais.hub.files.FileLinks}) so that {@code <img>} and {@code <video>} tags work without a
 * bearer header. Dependencies: {@code chat → files → channels, identity}; {@code web → domain ← store}.
 */
package fr.relais.hub.files;
