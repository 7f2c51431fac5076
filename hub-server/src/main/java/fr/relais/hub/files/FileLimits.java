package fr.relais.hub.files;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of attachments ({@code relais.files.*}, documented in docs/api.md "Attachments").
 *
 * @param maxImageBytes     largest image (PNG, JPEG, GIF, WebP)
 * @param maxDocumentBytes  largest PDF
 * @param maxVideoBytes     largest video (MP4, WebM)
 * @param maxPerMessage     most attachments on one message
 * @param linkTtl           lifetime of a signed download link
 */
@ConfigurationProperties("relais.files")
public record FileLimits(long maxImageBytes, long maxDocumentBytes, long maxVideoBytes, int maxPerMessage,
                         Duration linkTtl) {
    public FileLimits {
        if (maxImageBytes <= 0) maxImageBytes = 10L * 1024 * 1024;
        if (maxDocumentBytes <= 0) maxDocumentBytes = 20L * 1024 * 1024;
        if (maxVideoBytes <= 0) maxVideoBytes = 50L * 1024 * 1024;
        if (maxPerMessage <= 0) maxPerMessage = 10;
        if (linkTtl == null || linkTtl.isZero() || linkTtl.isNegative()) linkTtl = Duration.ofMinutes(15);
    }

    long maxBytesFor(FileType type) {
        return switch (type.family()) {
            case IMAGE -> maxImageBytes;
            case DOCUMENT -> maxDocumentBytes;
            case VIDEO -> maxVideoBytes;
        };
    }
}
