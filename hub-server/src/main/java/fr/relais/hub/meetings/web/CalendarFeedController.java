package fr.relais.hub.meetings.web;

import fr.relais.hub.meetings.CalendarFeeds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal calendar feed, {@code GET /calendar/<secret>.ics}: no login (calendar apps cannot log
 * in), the secret in the URL is the credential. Outside {@code /api/} on purpose: the API requires a
 * bearer token, this path must stay public.
 */
@RestController
class CalendarFeedController {
    static final String PATH_PREFIX = "/calendar/";

    private final CalendarFeeds calendars;

    CalendarFeedController(CalendarFeeds calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/calendar/{secret:[A-Za-z0-9_-]{40,64}}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        return ResponseEntity.ok().contentType(MeetingController.TEXT_CALENDAR)
                .header("Cache-Control", "private, max-age=300")
                .header("Referrer-Policy", "no-referrer")
                .body(calendars.feed(secret, MeetingController.pageUrl()));
    }
}
