package fr.relais.hub.supportline.web;

import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.supportline.CannedResponses;
import fr.relais.hub.supportline.SupportProperties;
import fr.relais.hub.supportline.Ticket;
import fr.relais.hub.supportline.TicketAccess;
import fr.relais.hub.supportline.TicketConversation;
import fr.relais.hub.supportline.TicketOpener;
import fr.relais.hub.supportline.TicketQueue;
import fr.relais.hub.supportline.TicketStatus;
import fr.relais.hub.supportline.TicketTranscripts;
import fr.relais.hub.supportline.TicketWorkflow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over REST, for the requester side and staff alike; every answer is the projection the caller
 * may see ({@link TicketViews}). Thin: parse, hand to the domain, answer.
 */
@RestController
@RequestMapping("/api/v1/support")
class TicketController {
    private final TicketOpener opener;
    private final TicketConversation conversation;
    private final TicketWorkflow workflow;
    private final TicketQueue queue;
    private final TicketTranscripts transcripts;
    private final CannedResponses canned;
    private final TicketAccess access;
    private final TicketViews views;
    private final TicketViewers viewers;
    private final SupportProperties properties;

    TicketController(TicketOpener opener, TicketConversation conversation, TicketWorkflow workflow, TicketQueue queue,
                     TicketTranscripts transcripts, CannedResponses canned, TicketAccess access, TicketViews views,
                     TicketViewers viewers, SupportProperties properties) {
        this.opener = opener;
        this.conversation = conversation;
        this.workflow = workflow;
        this.queue = queue;
        this.transcripts = transcripts;
        this.canned = canned;
        this.access = access;
        this.views = views;
        this.viewers = viewers;
        this.properties = properties;
    }

    record ConfigResponse(List<SupportProperties.Category> categories, List<String> queues, List<String> urgencies,
                          List<String> statuses, Map<String, TargetResponse> targets, long reopenWindowSeconds,
                          long autoCloseAfterSeconds, boolean canOpen, boolean staff, double warnRatio,
                          int maxTextChars) {
    }

    record TargetResponse(long firstResponseSeconds, long resolutionSeconds) {
    }

    /** What the web client needs to draw the forms and filters; {@code canOpen}/{@code staff} say what this user may do. */
    @GetMapping("/config")
    ConfigResponse config(@AuthenticationPrincipal User me) {
        Map<String, TargetResponse> targets = new java.util.LinkedHashMap<>();
        properties.targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> targets.put(e.getKey().wireName(),
                        new TargetResponse(e.getValue().firstResponse().toSeconds(), e.getValue().resolution().toSeconds())));
        return new ConfigResponse(properties.categories(), properties.queues(),
                Arrays.stream(fr.relais.hub.supportline.Priority.values()).map(p -> p.wireName()).toList(),
                Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList(), targets,
                properties.reopenWindow().toSeconds(), properties.autoCloseAfter().toSeconds(),
                access.isRequesterSide(me), access.isStaff(me), properties.warnRatio(), properties.maxTextChars());
    }

    record OpenTicketRequest(String subject, String description, String category, String urgency, List<String> attachmentIds) {
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    TicketViews.TicketResponse open(@AuthenticationPrincipal User me, @RequestBody OpenTicketRequest body) {
        Ticket t = opener.open(me, new TicketOpener.NewTicket(body.subject(), body.description(), body.category(),
                body.urgency(), body.attachmentIds()));
        return views.of(t, access.audienceOf(me));
    }

    /**
     * Tickets the caller may see: the requester side gets its federation's (any status by default), staff
     * get all federations with every filter. {@code q} searches subjects, descriptions and conversations.
     */
    @GetMapping("/tickets")
    List<TicketViews.TicketResponse> list(@AuthenticationPrincipal User me,
                                          @RequestParam(required = false) List<String> status,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(required = false) String priority,
                                          @RequestParam(required = false) String federation,
                                          @RequestParam(required = false) String queue,
                                          @RequestParam(required = false) String assignee,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(defaultValue = "created") String sort,
                                          @RequestParam(defaultValue = "0") int offset,
                                          @RequestParam(defaultValue = "50") int limit) {
        TicketQueue.Filter filter = new TicketQueue.Filter(TicketQueueParams.statuses(status), category, priority, federation,
                queue, assignee, q, sort, offset, limit);
        return this.queue.list(me, filter, java.util.Set.of()).stream().map(t -> views.of(t, access.audienceOf(me))).toList();
    }

    @GetMapping("/tickets/{id}")
    TicketViews.TicketResponse get(@AuthenticationPrincipal User me, @PathVariable String id) {
        return views.of(access.requireView(me, id), access.audienceOf(me));
    }

    @GetMapping("/tickets/{id}/posts")
    List<TicketViews.PostResponse> posts(@AuthenticationPrincipal User me, @PathVariable String id) {
        return conversation.posts(me, id).stream().map(TicketViews::post).toList();
    }

    record ReplyRequest(String text, String cannedResponseId, List<String> attachmentIds, String clientMessageId,
                        Boolean waitForRequester) {
    }

    @PostMapping("/tickets/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    TicketViews.PostResponse reply(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody ReplyRequest body) {
        return TicketViews.post(conversation.reply(me, id, new TicketConversation.Reply(body.text(), body.cannedResponseId(),
                body.attachmentIds(), body.clientMessageId(), Boolean.TRUE.equals(body.waitForRequester()))));
    }

    record NoteRequest(String text, String clientMessageId) {
    }

    @PostMapping("/tickets/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    TicketViews.PostResponse note(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody NoteRequest body) {
        return TicketViews.post(conversation.note(me, id, body.text(), body.clientMessageId()));
    }

    @PostMapping("/tickets/{id}/claim")
    TicketViews.TicketResponse claim(@AuthenticationPrincipal User me, @PathVariable String id) {
        return views.staff(workflow.claim(me, id));
    }

    record AssignRequest(@Nullable String assigneeId) {
    }

    @PutMapping("/tickets/{id}/assignee")
    TicketViews.TicketResponse assign(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody AssignRequest body) {
        return views.staff(workflow.assign(me, id, body.assigneeId()));
    }

    record QueueRequest(String queue) {
    }

    @PutMapping("/tickets/{id}/queue")
    TicketViews.TicketResponse transfer(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody QueueRequest body) {
        return views.staff(workflow.transfer(me, id, body.queue()));
    }

    record PriorityRequest(String priority) {
    }

    @PutMapping("/tickets/{id}/priority")
    TicketViews.TicketResponse prioritize(@AuthenticationPrincipal User me, @PathVariable String id,
                                          @RequestBody PriorityRequest body) {
        return views.staff(workflow.prioritize(me, id, body.priority()));
    }

    record StatusRequest(String status) {
    }

    @PutMapping("/tickets/{id}/status")
    TicketViews.TicketResponse status(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody StatusRequest body) {
        return views.staff(workflow.changeStatus(me, id, body.status()));
    }

    @PostMapping("/tickets/{id}/reopen")
    TicketViews.TicketResponse reopen(@AuthenticationPrincipal User me, @PathVariable String id) {
        return views.of(workflow.reopen(me, id), access.audienceOf(me));
    }

    record RatingRequest(Integer rating, String comment) {
    }

    @PutMapping("/tickets/{id}/satisfaction")
    TicketViews.TicketResponse rate(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody RatingRequest body) {
        if (body.rating() == null) throw fr.relais.hub.common.RelaisException.invalid("rating is required");
        return views.of(workflow.rate(me, id, body.rating(), body.comment()), access.audienceOf(me));
    }

    record ViewersResponse(String ticketId, List<UserRef> viewers) {
    }

    @GetMapping("/tickets/{id}/viewers")
    ViewersResponse viewers(@AuthenticationPrincipal User me, @PathVariable String id) {
        Ticket t = access.requireView(me, id);
        return new ViewersResponse(t.id(), viewers.viewers(t.id()));
    }

    record TranscriptResponse(TicketViews.TicketResponse ticket, List<TicketViews.PostResponse> posts) {
    }

    /** The whole ticket as one JSON file (download). The requester side's export has no internal note. */
    @GetMapping("/tickets/{id}/export")
    ResponseEntity<TranscriptResponse> export(@AuthenticationPrincipal User me, @PathVariable String id) {
        TicketTranscripts.Transcript t = transcripts.of(me, id);
        TranscriptResponse body = new TranscriptResponse(t.staffView() ? views.staff(t.ticket()) : views.requester(t.ticket()),
                t.posts().stream().filter(p -> t.staffView() || !p.isInternal()).map(TicketViews::post).toList());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ticket-" + t.ticket().number() + ".json\"")
                .body(body);
    }

    record RenderedResponse(String text) {
    }

    /** A canned response rendered for this ticket, for the reply box (staff). */
    @GetMapping("/tickets/{id}/canned-responses/{cannedId}")
    RenderedResponse render(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String cannedId) {
        access.requireStaff(me);
        return new RenderedResponse(canned.render(me, access.requireView(me, id), cannedId));
    }
}
