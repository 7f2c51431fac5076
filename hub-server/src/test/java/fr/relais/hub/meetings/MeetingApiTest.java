package fr.relais.hub.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Meetings over real HTTP on a hub without Jitsi: alice (coordinator, Finistère) schedules the
 * federation's fortnightly meeting; bruno (Finistère) is invited, chloé (Paris) is not.
 */
@HubIntegrationTest
class MeetingApiTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    static LocalDateTime nextTuesdayAt18() {
        return ZonedDateTime.now(PARIS).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(LocalTime.of(18, 0));
    }

    JsonNode createFederationMeeting(String title) {
        Api.Response r = api.post("/api/v1/meetings", world.token("alice"), Map.of(
                "title", title, "agenda", "1. Tour des sections\n2. Tractage", "start", nextTuesdayAt18().toString(),
                "durationMinutes", 90, "recurrence", "FREQ=WEEKLY;INTERVAL=2",
                "invitees", Map.of("federations", List.of("29")), "channelId", "fed-29"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_coordinator_schedules_a_series_its_invitees_see_it_and_others_do_not() {
        JsonNode created = createFederationMeeting("Réunion fédérale " + System.nanoTime());
        String id = created.get("id").asString();
        assertThat(created.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(created.get("viewer").get("canEdit").asBoolean()).isTrue();
        assertThat(created.get("nextOccurrences")).hasSize(5);
        assertThat(LocalDateTime.parse(created.get("nextOccurrences").get(0).get("localStart").asString())).isEqualTo(nextTuesdayAt18());
        assertThat(created.has("roomSecret")).isFalse();

        JsonNode seenByBruno = api.get("/api/v1/meetings/" + id, world.token("bruno")).json();
        assertThat(seenByBruno.get("viewer").get("invited").asBoolean()).isTrue();
        assertThat(seenByBruno.get("viewer").get("canEdit").asBoolean()).isFalse();
        assertThat(seenByBruno.get("viewer").get("moderator").asBoolean()).isFalse();
        JsonNode seenByBob = api.get("/api/v1/meetings/" + id, world.token("hq-bob")).json();
        assertThat(seenByBob.get("viewer").get("moderator").asBoolean()).isTrue();
        assertThat(seenByBob.get("viewer").get("invited").asBoolean()).isFalse();

        Api.Response byChloe = api.get("/api/v1/meetings/" + id, world.token("chloe"));
        assertThat(byChloe.status()).isEqualTo(404);
        assertThat(byChloe.json().get("code").asString()).isEqualTo("meeting_not_found");

        List<JsonNode> brunoAgenda = list(api.get("/api/v1/meetings", world.token("bruno")).json());
        assertThat(brunoAgenda).anySatisfy(o -> assertThat(o.get("meetingId").asString()).isEqualTo(id));
        assertThat(list(api.get("/api/v1/meetings", world.token("chloe")).json()))
                .noneSatisfy(o -> assertThat(o.get("meetingId").asString()).isEqualTo(id));

        List<JsonNode> history = list(api.get("/api/v1/channels/fed-29/messages?limit=50", world.token("bruno")).json());
        assertThat(history).anySatisfy(m -> assertThat(m.get("text").asString())
                .contains("Réunion programmée").contains(created.get("title").asString()));
    }

    @Test
    void members_do_not_schedule_and_bad_rules_are_explained() {
        Api.Response byMember = api.post("/api/v1/meetings", world.token("bruno"), Map.of("title", "x",
                "start", nextTuesdayAt18().toString(), "durationMinutes", 60, "invitees", Map.of("federations", List.of("29"))));
        assertThat(byMember.status()).isEqualTo(403);

        Api.Response notATuesday = api.post("/api/v1/meetings", world.token("alice"), Map.of("title", "x",
                "start", nextTuesdayAt18().plusDays(1).toString(), "durationMinutes", 60, "recurrence", "FREQ=MONTHLY;BYDAY=2TU",
                "invitees", Map.of("federations", List.of("29"))));
        assertThat(notATuesday.status()).isEqualTo(400);
        assertThat(notATuesday.json().get("code").asString()).isEqualTo("invalid_recurrence");

        Api.Response otherFederation = api.post("/api/v1/meetings", world.token("alice"), Map.of("title", "x",
                "start", nextTuesdayAt18().toString(), "durationMinutes", 60, "invitees", Map.of("federations", List.of("75"))));
        assertThat(otherFederation.status()).isEqualTo(403);
    }

    @Test
    void answers_are_counted_per_occurrence_and_only_invitees_answer() {
        String id = createFederationMeeting("Réunion RSVP").get("id").asString();
        String key = api.get("/api/v1/meetings/" + id, world.token("alice")).json().get("nextOccurrences").get(0).get("key").asString();
        String rsvp = "/api/v1/meetings/" + id + "/occurrences/" + key + "/rsvp";
        assertThat(api.put(rsvp, world.token("bruno"), Map.of("answer", "yes")).status()).isEqualTo(200);
        assertThat(api.put(rsvp, world.token("alice"), Map.of("answer", "maybe")).status()).isEqualTo(200);
        JsonNode counts = api.put(rsvp, world.token("bruno"), Map.of("answer", "no")).json(); // changes his mind
        assertThat(counts.get("yes").asInt()).isZero();
        assertThat(counts.get("no").asInt()).isEqualTo(1);
        assertThat(counts.get("maybe").asInt()).isEqualTo(1);
        assertThat(counts.get("mine").asString()).isEqualTo("NO");
        assertThat(api.put(rsvp, world.token("chloe"), Map.of("answer", "yes")).status()).isEqualTo(404);
        assertThat(api.put(rsvp, world.token("hq-bob"), Map.of("answer", "yes")).json().get("code").asString()).isEqualTo("not_invited");
        assertThat(api.put(rsvp, world.token("bruno"), Map.of("answer", "peut-être")).status()).isEqualTo(400);
    }

    @Test
    void one_occurrence_is_moved_another_cancelled_and_the_ics_says_so() throws Exception {
        JsonNode created = createFederationMeeting("Réunion ICS");
        String id = created.get("id").asString();
        String second = created.get("nextOccurrences").get(1).get("key").asString();
        String third = created.get("nextOccurrences").get(2).get("key").asString();
        LocalDateTime movedTo = LocalDateTime.parse(created.get("nextOccurrences").get(1).get("localStart").asString()).plusDays(1).withHour(12);

        Api.Response moved = api.patch("/api/v1/meetings/" + id + "/occurrences/" + second, world.token("alice"),
                Map.of("start", movedTo.toString(), "title", "Réunion ICS (déplacée)"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(LocalDateTime.parse(moved.json().get("localStart").asString())).isEqualTo(movedTo);
        assertThat(moved.json().get("key").asString()).isEqualTo(second);
        assertThat(api.patch("/api/v1/meetings/" + id + "/occurrences/" + second, world.token("bruno"), Map.of("title", "non")).status())
                .isEqualTo(403);
        Api.Response cancelled = api.delete("/api/v1/meetings/" + id + "/occurrences/" + third, world.token("alice"));
        assertThat(cancelled.json().get("cancelled").asBoolean()).isTrue();

        Api.Response ics = api.get("/api/v1/meetings/" + id + "/calendar.ics", world.token("bruno"));
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent master = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst().orElseThrow();
        VEvent instance = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst().orElseThrow();
        assertThat(master.getProperty("RRULE").orElseThrow().getValue()).isEqualTo("FREQ=WEEKLY;INTERVAL=2");
        assertThat(master.getProperty("EXDATE").orElseThrow().getValue()).contains(third);
        assertThat(instance.getProperty("RECURRENCE-ID").orElseThrow().getValue()).isEqualTo(second);
        assertThat(instance.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Réunion ICS (déplacée)");
        assertThat(master.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(api.get("/api/v1/meetings/" + id + "/calendar.ics", world.token("chloe")).status()).isEqualTo(404);
    }

    @Test
    void a_monthly_meeting_lists_its_next_five_dates_even_beyond_ninety_days_and_with_one_skipped() {
        LocalDateTime tuesday = nextTuesdayAt18();
        // Monthly by day of the month: a 29th, 30th or 31st would skip the months without one.
        LocalDateTime first = tuesday.getDayOfMonth() > 28 ? tuesday.plusWeeks(1) : tuesday;
        Api.Response r = api.post("/api/v1/meetings", world.token("alice"), Map.of(
                "title", "Bureau mensuel", "start", first.toString(), "durationMinutes", 60,
                "recurrence", "FREQ=MONTHLY", "exceptions", List.of(first.plusMonths(1).toString()),
                "invitees", Map.of("federations", List.of("29")), "channelId", "fed-29"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String path = "/api/v1/meetings/" + id + "/occurrences";
        JsonNode listed = api.get(path, world.token("bruno")).json();
        assertThat(listed).extracting(o -> LocalDateTime.parse(o.get("localStart").asString()))
                .containsExactly(first, first.plusMonths(2), first.plusMonths(3), first.plusMonths(4), first.plusMonths(5));

        // A cancelled date stays listed, flagged, and does not count among the five.
        String third = listed.get(2).get("key").asString();
        assertThat(api.delete(path + "/" + third, world.token("alice")).status()).isEqualTo(200);
        JsonNode after = api.get(path, world.token("bruno")).json();
        assertThat(after).hasSize(6);
        assertThat(after.get(2).get("cancelled").asBoolean()).isTrue();
        assertThat(LocalDateTime.parse(after.get(5).get("localStart").asString())).isEqualTo(first.plusMonths(6));

        // An explicit range is taken as asked.
        String from = first.minusDays(1).atZone(java.time.ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
        String to = first.plusDays(40).atZone(java.time.ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
        assertThat(api.get(path + "?from=" + Api.q(from) + "&to=" + Api.q(to), world.token("bruno")).json()).hasSize(1);
    }

    @Test
    void the_personal_feed_is_a_secret_url_with_only_the_persons_meetings() throws Exception {
        String id = createFederationMeeting("Réunion flux").get("id").asString();
        JsonNode brunoFeed = api.get("/api/v1/me/calendar-feed", world.token("bruno")).json();
        String path = brunoFeed.get("path").asString();
        assertThat(brunoFeed.get("url").asString()).endsWith(path).startsWith("http");
        assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");

        Api.Response feed = api.get(path, null); // a calendar app: no login
        assertThat(feed.status()).isEqualTo(200);
        assertThat(uids(feed.body())).contains(id + "@relais");

        String chloePath = api.get("/api/v1/me/calendar-feed", world.token("chloe")).json().get("path").asString();
        assertThat(uids(api.get(chloePath, null).body())).doesNotContain(id + "@relais");

        String newPath = api.post("/api/v1/me/calendar-feed/reset", world.token("bruno"), Map.of()).json().get("path").asString();
        assertThat(newPath).isNotEqualTo(path);
        assertThat(api.get(path, null).status()).isEqualTo(404);
        assertThat(uids(api.get(newPath, null).body())).contains(id + "@relais");
        assertThat(api.get("/calendar/not-a-secret.ics", null).status()).isEqualTo(404);
    }

    @Test
    void without_jitsi_meetings_work_and_joining_says_video_is_not_configured() {
        String id = createFederationMeeting("Réunion sans visio").get("id").asString();
        assertThat(api.get("/api/v1/meetings/video", world.token("bruno")).json().get("configured").asBoolean()).isFalse();
        Api.Response join = api.post("/api/v1/meetings/" + id + "/join", world.token("bruno"), Map.of());
        assertThat(join.status()).isEqualTo(503);
        assertThat(join.contentType()).contains("problem+json");
        assertThat(join.json().get("code").asString()).isEqualTo("jitsi_not_configured");
    }

    @Test
    void cancelling_the_series_is_announced_and_shown() {
        JsonNode created = createFederationMeeting("Réunion annulée " + System.nanoTime());
        String id = created.get("id").asString();
        assertThat(api.delete("/api/v1/meetings/" + id, world.token("bruno")).status()).isEqualTo(403);
        JsonNode cancelled = api.delete("/api/v1/meetings/" + id, world.token("alice")).json();
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/meetings/" + id, world.token("alice")).json().get("code").asString()).isEqualTo("meeting_cancelled");
        List<JsonNode> history = list(api.get("/api/v1/channels/fed-29/messages?limit=50", world.token("bruno")).json());
        assertThat(history).anySatisfy(m -> assertThat(m.get("text").asString())
                .contains("Réunion annulée").contains(created.get("title").asString()));
    }

    private static List<String> uids(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<String> uids = new ArrayList<>();
        for (Object c : calendar.getComponents("VEVENT")) uids.add(((VEvent) c).getProperty("UID").orElseThrow().getValue());
        return uids;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
