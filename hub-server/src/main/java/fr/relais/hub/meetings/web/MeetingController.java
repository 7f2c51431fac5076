package fr.relais.hub.meetings.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.meetings.CalendarFeeds;
import fr.relais.hub.meetings.JitsiProperties;
import fr.relais.hub.meetings.JitsiTokenIssuer;
import fr.relais.hub.meetings.Meeting;
import fr.relais.hub.meetings.MeetingAccess;
import fr.relais.hub.meetings.MeetingJoin;
import fr.relais.hub.meetings.MeetingPlanner;
import fr.relais.hub.meetings.MeetingsProperties;
import fr.relais.hub.meetings.Occurrence;
import fr.relais.hub.meetings.OccurrenceChange;
import fr.relais.hub.meetings.Occurrences;
import fr.relais.hub.meetings.RsvpAnswer;
import fr.relais.hub.meetings.RsvpCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Meetings over REST: schedule, change, cancel, answer, list, join (Jitsi token) and iCalendar. */
@RestController
@RequestMapping("/api/v1")
class MeetingController {
    private static final Duration MAX_RANGE = Duration.ofDays(400);
    /** A meeting's page lists its next 90 days, and at least its next 5 dates when the series has them. */
    private static final Duration OCCURRENCES_WINDOW = Duration.ofDays(90);
    private static final int OCCURRENCES_AT_LEAST = 5;
    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final MeetingPlanner planner;
    private final MeetingAccess access;
    private final MeetingJoin join;
    private final CalendarFeeds calendars;
    private final UserDirectory users;
    private final MeetingsProperties properties;
    private final JitsiProperties jitsi;
    private final JitsiTokenIssuer tokens;
    private final Clock clock;

    MeetingController(MeetingPlanner planner, MeetingAccess access, MeetingJoin join, CalendarFeeds calendars,
                      UserDirectory users, MeetingsProperties properties, JitsiProperties jitsi, JitsiTokenIssuer tokens,
                      Clock clock) {
        this.planner = planner;
        this.access = access;
        this.join = join;
        this.calendars = calendars;
        this.users = users;
        this.properties = properties;
        this.jitsi = jitsi;
        this.tokens = tokens;
        this.clock = clock;
    }

    record VideoResponse(boolean configured, String domain, String deployment, String externalApiUrl) {
    }

    /** Whether video is available, so meeting pages can say so before anyone tries to join. */
    @GetMapping("/meetings/video")
    VideoResponse video() {
        if (!tokens.configured()) return new VideoResponse(false, null, null, null);
        return new VideoResponse(true, jitsi.domain(), jitsi.deployment(), jitsi.externalApiUrl());
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingResponse create(@AuthenticationPrincipal User me, @RequestBody MeetingRequest body) {
        return view(me, planner.create(me, body.toDraft(properties.defaultTimeZone())));
    }

    /** The caller's occurrences between {@code from} and {@code to} (default: the next 30 days). */
    @GetMapping("/meetings")
    List<OccurrenceResponse> agenda(@AuthenticationPrincipal User me, @RequestParam(required = false) OffsetDateTime from,
                                    @RequestParam(required = false) OffsetDateTime to) {
        Instant now = clock.instant();
        Instant start = from == null ? now : from.toInstant();
        Instant end = to == null ? start.plus(Duration.ofDays(30)) : to.toInstant();
        checkRange(start, end);
        return planner.agenda(me, start, end).stream().map(o -> occurrence(o, now)).toList();
    }

    /** The caller's meetings in progress now (the sidebar's "now live"). */
    @GetMapping("/meetings/now")
    List<OccurrenceResponse> now(@AuthenticationPrincipal User me) {
        Instant now = clock.instant();
        return planner.agenda(me, now, now.plusSeconds(1)).stream().filter(o -> o.inProgressAt(now))
                .map(o -> occurrence(o, now)).toList();
    }

    /** Meetings announced in the channel that are in progress now (the channel's "now live"). */
    @GetMapping("/channels/{channelId}/meetings/now")
    List<OccurrenceResponse> nowInChannel(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        Instant now = clock.instant();
        return planner.liveInChannel(me, channelId).stream().map(o -> OccurrenceResponse.of(o, now)).toList();
    }

    @GetMapping("/meetings/{id}")
    MeetingResponse get(@AuthenticationPrincipal User me, @PathVariable String id) {
        return view(me, access.requireVisible(me, id));
    }

    @PutMapping("/meetings/{id}")
    MeetingResponse updateSeries(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody MeetingRequest body) {
        return view(me, planner.updateSeries(me, id, body.toDraft(properties.defaultTimeZone())));
    }

    @DeleteMapping("/meetings/{id}")
    MeetingResponse cancel(@AuthenticationPrincipal User me, @PathVariable String id) {
        return view(me, planner.cancel(me, id));
    }

    @GetMapping("/meetings/{id}/occurrences")
    List<OccurrenceResponse> occurrences(@AuthenticationPrincipal User me, @PathVariable String id,
                                         @RequestParam(required = false) OffsetDateTime from,
                                         @RequestParam(required = false) OffsetDateTime to) {
        Meeting m = access.requireVisible(me, id);
        Instant now = clock.instant();
        Instant start = from == null ? now : from.toInstant();
        List<Occurrence> found;
        if (to == null) {
            found = Occurrences.upcoming(m, start, OCCURRENCES_WINDOW, OCCURRENCES_AT_LEAST, MAX_RANGE);
        } else {
            checkRange(start, to.toInstant());
            found = Occurrences.between(m, start, to.toInstant());
        }
        return found.stream().map(o -> OccurrenceResponse.of(o, now)).toList();
    }

    record OccurrenceChangeRequest(LocalDateTime start, Integer durationMinutes, String title, String agenda) {
    }

    /** Changes one occurrence only (moved, retitled, other agenda). */
    @PatchMapping("/meetings/{id}/occurrences/{key}")
    OccurrenceResponse updateOccurrence(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String key,
                                        @RequestBody OccurrenceChangeRequest body) {
        Meeting m = planner.updateOccurrence(me, id, key, new OccurrenceChange(
                body.start() == null ? null : body.start().withNano(0), body.durationMinutes(), body.title(), body.agenda(), false));
        return OccurrenceResponse.of(planner.requireOccurrence(m, key), clock.instant());
    }

    @DeleteMapping("/meetings/{id}/occurrences/{key}")
    OccurrenceResponse cancelOccurrence(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String key) {
        Meeting m = planner.cancelOccurrence(me, id, key);
        return OccurrenceResponse.of(planner.requireOccurrence(m, key), clock.instant());
    }

    record RsvpRequest(String answer) {
    }

    @PutMapping("/meetings/{id}/occurrences/{key}/rsvp")
    RsvpCounts answer(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String key,
                      @RequestBody RsvpRequest body) {
        return planner.answer(me, id, key, RsvpAnswer.fromWireName(body.answer()));
    }

    @GetMapping("/meetings/{id}/occurrences/{key}/rsvp")
    RsvpCounts answers(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String key) {
        Meeting m = access.requireVisible(me, id);
        return planner.counts(me, m, planner.requireOccurrence(m, key).key());
    }

    record JoinResponse(String domain, String deployment, String roomName, String room, String jwt, Instant expiresAt,
                        boolean moderator, String displayName, String externalApiUrl, String joinUrl,
                        OccurrenceResponse occurrence) {
    }

    /** A Jitsi token for the caller and the occurrence's room ({@code occurrence} = key; default: in progress or next). */
    @PostMapping("/meetings/{id}/join")
    JoinResponse join(@AuthenticationPrincipal User me, @PathVariable String id,
                      @RequestParam(required = false) String occurrence) {
        MeetingJoin.JoinInfo info = join.join(me, id, occurrence);
        return new JoinResponse(info.domain(), info.deployment(), info.roomName(), info.room(), info.jwt(), info.expiresAt(),
                info.moderator(), info.displayName(), info.externalApiUrl(), info.joinUrl(),
                OccurrenceResponse.of(info.occurrence(), clock.instant()));
    }

    @GetMapping(value = "/meetings/{id}/calendar.ics")
    ResponseEntity<String> ics(@AuthenticationPrincipal User me, @PathVariable String id) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"reunion-" + id + ".ics\"")
                .body(calendars.meeting(me, id, pageUrl()));
    }

    record FeedResponse(String url, String path) {
    }

    /** The caller's personal calendar feed URL (secret: anyone holding it reads the caller's meetings). */
    @GetMapping("/me/calendar-feed")
    FeedResponse feed(@AuthenticationPrincipal User me) {
        return feedResponse(calendars.secretOf(me));
    }

    /** Replaces the secret: the old feed URL stops working. */
    @PostMapping("/me/calendar-feed/reset")
    FeedResponse resetFeed(@AuthenticationPrincipal User me) {
        return feedResponse(calendars.resetSecret(me));
    }

    private FeedResponse feedResponse(String secret) {
        String path = CalendarFeedController.PATH_PREFIX + secret + ".ics";
        return new FeedResponse(ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString(), path);
    }

    static java.util.function.Function<String, String> pageUrl() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return id -> base + "/#/meetings/" + id; // the web client routes by fragment
    }

    private MeetingResponse view(User me, Meeting m) {
        Instant now = clock.instant();
        List<Occurrence> next = m.cancelled() ? List.of()
                : Occurrences.between(m, now, now.plus(Duration.ofDays(400))).stream().limit(5).toList();
        RsvpCounts rsvp = next.stream().filter(o -> !o.cancelled()).findFirst()
                .map(o -> planner.counts(me, m, o.key())).orElse(null);
        UserRef organizer = users.findById(m.organizerId()).map(UserRef::of)
                .orElse(new UserRef(m.organizerId(), "", "", false));
        MeetingResponse.Viewer viewer = new MeetingResponse.Viewer(access.canEdit(me, m), access.isInvited(me, m),
                access.isModerator(me, m));
        return MeetingResponse.of(m, organizer, viewer, next.stream().map(o -> OccurrenceResponse.of(o, now)).toList(), rsvp);
    }

    private static OccurrenceResponse occurrence(Occurrence o, Instant now) {
        return OccurrenceResponse.of(o, now);
    }

    private static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw RelaisException.invalid("to must be after from, at most 400 days later");
        }
    }
}
