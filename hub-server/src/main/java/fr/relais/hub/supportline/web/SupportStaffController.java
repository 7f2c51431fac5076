package fr.relais.hub.supportline.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.supportline.CannedResponse;
import fr.relais.hub.supportline.CannedResponses;
import fr.relais.hub.supportline.TicketAccess;
import fr.relais.hub.supportline.TicketMetrics;
import fr.relais.hub.supportline.TicketQueue;
import fr.relais.hub.supportline.TicketStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff console's REST side: the live queue, its counts, metrics and canned responses. Staff only. */
@RestController
@RequestMapping("/api/v1/support")
class SupportStaffController {
    private final TicketQueue queue;
    private final TicketMetrics metrics;
    private final CannedResponses canned;
    private final TicketAccess access;
    private final TicketViews views;

    SupportStaffController(TicketQueue queue, TicketMetrics metrics, CannedResponses canned, TicketAccess access,
                           TicketViews views) {
        this.queue = queue;
        this.metrics = metrics;
        this.canned = canned;
        this.access = access;
        this.views = views;
    }

    /** New, open and waiting tickets of all federations (or the statuses asked for), longest-waiting first by default. */
    @GetMapping("/queue")
    List<TicketViews.TicketResponse> queue(@AuthenticationPrincipal User me,
                                           @RequestParam(required = false) List<String> status,
                                           @RequestParam(required = false) String category,
                                           @RequestParam(required = false) String priority,
                                           @RequestParam(required = false) String federation,
                                           @RequestParam(required = false) String queue,
                                           @RequestParam(required = false) String assignee,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "waiting") String sort,
                                           @RequestParam(defaultValue = "0") int offset,
                                           @RequestParam(defaultValue = "50") int limit) {
        access.requireStaff(me);
        TicketQueue.Filter filter = new TicketQueue.Filter(TicketQueueParams.statuses(status), category, priority, federation,
                queue, assignee, q, sort, offset, limit);
        return this.queue.list(me, filter, TicketStatus.ACTIVE).stream().map(views::staff).toList();
    }

    @GetMapping("/queue/counts")
    TicketQueue.Counts counts(@AuthenticationPrincipal User me) {
        return queue.counts(me);
    }

    /** Figures over [from, to) (ISO-8601 instants; default: the last 30 days), optionally for one federation or category. */
    @GetMapping("/metrics")
    TicketMetrics.Report metrics(@AuthenticationPrincipal User me, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) String federation,
                                 @RequestParam(required = false) String category) {
        return metrics.report(me, instant("from", from), instant("to", to), federation, category);
    }

    record CannedResponseResponse(String id, String title, String body, UserRef createdBy, Instant updatedAt) {
        static CannedResponseResponse of(CannedResponse r) {
            return new CannedResponseResponse(r.id(), r.title(), r.body(), r.createdBy(), r.updatedAt());
        }
    }

    record CannedResponseRequest(String title, String body) {
    }

    @GetMapping("/canned-responses")
    List<CannedResponseResponse> cannedResponses(@AuthenticationPrincipal User me) {
        return canned.list(me).stream().map(CannedResponseResponse::of).toList();
    }

    @PostMapping("/canned-responses")
    @ResponseStatus(HttpStatus.CREATED)
    CannedResponseResponse createCanned(@AuthenticationPrincipal User me, @RequestBody CannedResponseRequest body) {
        return CannedResponseResponse.of(canned.create(me, body.title(), body.body()));
    }

    @PutMapping("/canned-responses/{id}")
    CannedResponseResponse updateCanned(@AuthenticationPrincipal User me, @PathVariable String id,
                                        @RequestBody CannedResponseRequest body) {
        return CannedResponseResponse.of(canned.update(me, id, body.title(), body.body()));
    }

    @DeleteMapping("/canned-responses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCanned(@AuthenticationPrincipal User me, @PathVariable String id) {
        canned.delete(me, id);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw RelaisException.invalid(name + " must be an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }
}
