package fr.relais.hub.relay.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.relay.Ack;
import fr.relais.hub.relay.Blackout;
import fr.relais.hub.relay.Blackouts;
import fr.relais.hub.relay.Consignes;
import fr.relais.hub.relay.PrimeTimeSlots;
import fr.relais.hub.relay.RelayFigures;
import fr.relais.hub.relay.RelayItem;
import fr.relais.hub.relay.RelayProperties;
import fr.relais.hub.relay.RelayRuns;
import fr.relais.hub.relay.RelayViews;
import fr.relais.hub.relay.RelayWorkflow;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/** The relay over REST: proposals and review, bot runs, consigne acknowledgements, figures, blackouts. */
@RestController
@RequestMapping("/api/v1/relay")
class RelayController {
    private final RelayWorkflow workflow;
    private final RelayRuns runs;
    private final Consignes consignes;
    private final RelayFigures figures;
    private final Blackouts blackouts;
    private final RelayProperties properties;
    private final Clock clock;

    RelayController(RelayWorkflow workflow, RelayRuns runs, Consignes consignes, RelayFigures figures, Blackouts blackouts,
                    RelayProperties properties, Clock clock) {
        this.workflow = workflow;
        this.runs = runs;
        this.consignes = consignes;
        this.figures = figures;
        this.blackouts = blackouts;
        this.properties = properties;
        this.clock = clock;
    }

    record TargetBody(String kind, String region, List<String> federations) {
        RelayItem.Target toTarget() {
            try {
                return new RelayItem.Target(kind == null ? RelayItem.TargetKind.ALL : RelayItem.TargetKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                        region, federations);
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("target.kind is ALL, REGION or LIST");
            }
        }
    }

    record ItemBody(String text, List<String> visuals, List<String> links, TargetBody target, Instant wishedAt, String invocationId) {
        RelayWorkflow.Draft draft() {
            return new RelayWorkflow.Draft(text, visuals, links, target == null ? null : target.toTarget(), wishedAt);
        }
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> propose(@AuthenticationPrincipal User me, @RequestBody ItemBody body) {
        RelayItem item = body.invocationId() != null && me.isBot()
                ? workflow.proposeFor(me, body.invocationId(), body.draft())
                : workflow.propose(me, body.draft());
        return RelayViews.item(item);
    }

    @GetMapping("/items")
    List<Map<String, Object>> list(@AuthenticationPrincipal User me,
                                   @RequestParam(defaultValue = "PROPOSED,CHANGES_REQUESTED") String status,
                                   @RequestParam(defaultValue = "false") boolean mine) {
        Set<RelayItem.Status> statuses = EnumSet.noneOf(RelayItem.Status.class);
        for (String s : status.split(",")) {
            try {
                statuses.add(RelayItem.Status.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("status is one or more of " + Arrays.toString(RelayItem.Status.values()));
            }
        }
        return workflow.list(me, statuses, mine).stream().map(RelayViews::item).toList();
    }

    @GetMapping("/items/{id}")
    Map<String, Object> get(@AuthenticationPrincipal User me, @PathVariable String id) {
        return RelayViews.item(workflow.find(me, id));
    }

    @PutMapping("/items/{id}")
    Map<String, Object> edit(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody ItemBody body) {
        return RelayViews.item(workflow.edit(me, id, body.draft()));
    }

    record CommentBody(String text) {
    }

    @PostMapping("/items/{id}/comments")
    Map<String, Object> comment(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody CommentBody body) {
        return RelayViews.item(workflow.comment(me, id, body.text()));
    }

    @PostMapping("/items/{id}/request-changes")
    Map<String, Object> requestChanges(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody CommentBody body) {
        return RelayViews.item(workflow.requestChanges(me, id, body.text()));
    }

    record ConsigneBody(String requires, Instant deadline) {
    }

    record ApproveBody(Instant at, ConsigneBody consigne) {
    }

    @PostMapping("/items/{id}/approve")
    Map<String, Object> approve(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody(required = false) ApproveBody body) {
        Instant at = body == null ? null : body.at();
        RelayItem.AckState requires = null;
        Instant deadline = null;
        if (body != null && body.consigne() != null) {
            requires = ackState(body.consigne().requires() == null ? "READ" : body.consigne().requires());
            deadline = body.consigne().deadline();
        }
        return RelayViews.item(workflow.approve(me, id, new RelayWorkflow.Approval(at, requires, deadline)));
    }

    @PostMapping("/items/{id}/reject")
    Map<String, Object> reject(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody(required = false) CommentBody body) {
        return RelayViews.item(workflow.reject(me, id, body == null ? null : body.text()));
    }

    record ReleaseBody(Instant at) {
    }

    @PostMapping("/items/{id}/release")
    Map<String, Object> release(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody(required = false) ReleaseBody body) {
        return RelayViews.item(workflow.release(me, id, body == null ? null : body.at()));
    }

    /** Per-federation reach, engagement and consigne state (the review view's figures and the live board). */
    @GetMapping("/items/{id}/figures")
    Map<String, Object> figures(@AuthenticationPrincipal User me, @PathVariable String id) {
        return figures.of(me, id);
    }

    record AckBody(String state, String federation, String invocationId) {
    }

    @PostMapping("/items/{id}/acks")
    Ack acknowledge(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody AckBody body) {
        User who = body.invocationId() != null && me.isBot() ? workflow.callerOf(me, body.invocationId()) : me;
        return consignes.acknowledge(who, id, body.federation(), ackState(body.state() == null ? "READ" : body.state()));
    }

    /** For relay bots: the due items and the channels still to post in. */
    @GetMapping("/runs")
    List<Map<String, Object>> runs(@AuthenticationPrincipal User me) {
        return runs.due(me);
    }

    record DeliveryBody(String channelId, String messageId) {
    }

    @PostMapping("/runs/{itemId}/deliveries")
    Map<String, Object> delivered(@AuthenticationPrincipal User me, @PathVariable String itemId, @RequestBody DeliveryBody body) {
        return runs.report(me, itemId, body.channelId(), body.messageId());
    }

    @GetMapping("/slots")
    Map<String, Object> slots() {
        Instant now = clock.instant();
        PrimeTimeSlots slots = new PrimeTimeSlots(properties.slots(), properties.timeZone());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("timeZone", properties.timeZone().getId());
        v.put("slots", properties.slots().stream().map(Object::toString).toList());
        v.put("next", slots.next(now).toString());
        return v;
    }

    @GetMapping("/blackouts")
    List<Blackout> blackouts() {
        return blackouts.all();
    }

    @GetMapping("/blackouts/active")
    Map<String, Object> active() {
        return blackouts.activeNow().<Map<String, Object>>map(b -> Map.of("active", true, "until", b.to().toString(), "reason", b.reason()))
                .orElse(Map.of("active", false));
    }

    record BlackoutBody(Instant from, Instant to, String reason) {
    }

    @PostMapping("/blackouts")
    @ResponseStatus(HttpStatus.CREATED)
    Blackout addBlackout(@AuthenticationPrincipal User me, @RequestBody BlackoutBody body) {
        return blackouts.add(me, body.from(), body.to(), body.reason());
    }

    @DeleteMapping("/blackouts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteBlackout(@AuthenticationPrincipal User me, @PathVariable String id) {
        blackouts.delete(me, id);
    }

    private static RelayItem.AckState ackState(String value) {
        try {
            return RelayItem.AckState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("state is READ or RELAYED");
        }
    }
}
