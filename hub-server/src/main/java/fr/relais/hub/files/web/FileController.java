package fr.relais.hub.files.web;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.files.Attachments;
import fr.relais.hub.files.FileLimits;
import fr.relais.hub.files.FileLinks;
import fr.relais.hub.files.StoredFile;
import fr.relais.hub.identity.User;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachments over HTTP. Upload: {@code POST /api/v1/files?name=photo.jpg} with the raw bytes as body and
 * the file's type as Content-Type (so a browser can show upload progress with a plain XHR). Download:
 * with the bearer token ({@code /api/v1/files/{id}/content}) or through a signed link ({@code /files/{id}}).
 */
@RestController
class FileController {
    private final Attachments attachments;
    private final FileLinks links;
    private final FileLimits limits;

    FileController(Attachments attachments, FileLinks links, FileLimits limits) {
        this.attachments = attachments;
        this.links = links;
        this.limits = limits;
    }

    record FileResponse(String id, String name, String contentType, long size, String url, Instant urlExpiresAt) {
    }

    record LimitsResponse(long maxImageBytes, long maxDocumentBytes, long maxVideoBytes, int maxPerMessage) {
    }

    @PostMapping("/api/v1/files")
    @ResponseStatus(HttpStatus.CREATED)
    FileResponse upload(@AuthenticationPrincipal User me, @RequestParam(defaultValue = "") String name,
                        HttpServletRequest request) throws IOException {
        StoredFile file = attachments.upload(me, name, request.getContentType(), request.getContentLengthLong(),
                request.getInputStream());
        return response(file);
    }

    @GetMapping("/api/v1/files/limits")
    LimitsResponse limits() {
        return new LimitsResponse(limits.maxImageBytes(), limits.maxDocumentBytes(), limits.maxVideoBytes(),
                limits.maxPerMessage());
    }

    /** The file's description and a fresh signed link to its content. */
    @GetMapping("/api/v1/files/{id}")
    FileResponse describe(@AuthenticationPrincipal User me, @PathVariable String id) {
        return response(attachments.requireReadable(me, id));
    }

    @GetMapping("/api/v1/files/{id}/content")
    ResponseEntity<InputStreamResource> content(@AuthenticationPrincipal User me, @PathVariable String id) {
        return bytes(attachments.requireReadable(me, id));
    }

    /** The content through a signed link (no bearer token: {@code <img src>}, {@code <video src>}). */
    @GetMapping("/files/{id}")
    ResponseEntity<InputStreamResource> signed(@PathVariable String id, @RequestParam(defaultValue = "0") long exp,
                                               @RequestParam(defaultValue = "") String sig) {
        if (!links.verify(id, exp, sig)) {
            throw new RelaisException(ErrorCode.NOT_FOUND, "This link has expired or is not valid");
        }
        return bytes(attachments.require(id));
    }

    private FileResponse response(StoredFile file) {
        FileLinks.Link link = links.issue(file.id());
        return new FileResponse(file.id(), file.name(), file.contentType(), file.size(), link.url(), link.expiresAt());
    }

    private ResponseEntity<InputStreamResource> bytes(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + limits.linkTtl().toSeconds())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(attachments.open(file)));
    }
}
