package fr.relais.hub.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The iCalendar text of a series, parsed back by ical4j, describes the same occurrences. */
class MeetingCalendarTest {

    @Test
    void a_series_written_as_ics_parses_back_with_its_rule_exceptions_changes_and_time_zone() throws Exception {
        Meeting m = MeetingRecurrenceTest.meeting(LocalDateTime.of(2026, 3, 17, 18, 0), "FREQ=WEEKLY;COUNT=6",
                List.of(LocalDateTime.of(2026, 3, 31, 18, 0)),
                Map.of("20260407T180000", new OccurrenceChange(LocalDateTime.of(2026, 4, 8, 12, 0), null, "Exceptionnelle", null, false),
                        "20260414T180000", OccurrenceChange.cancellation()));
        String ics = MeetingCalendar.write(List.of(m), "Réunions", Instant.parse("2026-03-01T10:00:00Z"), id -> "https://relais.example/meetings/" + id);

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(parsed.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(((VTimeZone) parsed.getComponents("VTIMEZONE").getFirst()).getTimeZoneId().getValue()).isEqualTo("Europe/Paris");
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent master = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst().orElseThrow();
        VEvent changed = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst().orElseThrow();
        assertThat(value(master, "UID")).isEqualTo("m1@relais").isEqualTo(value(changed, "UID"));
        assertThat(value(master, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=6");
        assertThat(value(master, "SUMMARY")).isEqualTo("Coordination des fédérations");
        assertThat(master.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(value(master, "DTSTART")).isEqualTo("20260317T180000");
        assertThat(value(master, "EXDATE")).contains("20260331T180000").contains("20260414T180000");
        assertThat(value(changed, "RECURRENCE-ID")).isEqualTo("20260407T180000");
        assertThat(value(changed, "DTSTART")).isEqualTo("20260408T120000");
        assertThat(value(changed, "SUMMARY")).isEqualTo("Exceptionnelle");
        assertThat(value(master, "URL")).isEqualTo("https://relais.example/meetings/m1");
        assertThat(ics).doesNotContain("relais-").doesNotContain(m.roomSecret());

        // The parsed master, expanded by ical4j, gives 18:00 Paris on both sides of the 29 March switch.
        Period<ZonedDateTime> range = new Period<>(ZonedDateTime.parse("2026-03-01T00:00:00+01:00[Europe/Paris]"),
                ZonedDateTime.parse("2026-06-01T00:00:00+02:00[Europe/Paris]"));
        List<ZonedDateTime> starts = master.<ZonedDateTime>calculateRecurrenceSet(range).stream().map(Period::getStart).sorted().toList();
        assertThat(starts).extracting(ZonedDateTime::toLocalDate).extracting(Object::toString)
                .containsExactly("2026-03-17", "2026-03-24", "2026-04-07", "2026-04-21");
        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(18, 0));
        assertThat(starts.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-17T17:00:00Z"));
        assertThat(starts.get(2).toInstant()).isEqualTo(Instant.parse("2026-04-07T16:00:00Z"));
    }

    @Test
    void a_cancelled_meeting_is_published_as_cancelled() throws Exception {
        Meeting m = MeetingRecurrenceTest.meeting(LocalDateTime.of(2026, 3, 17, 18, 0), null, List.of(), Map.of())
                .cancelledAt(Instant.parse("2026-03-02T10:00:00Z"));
        Calendar parsed = new CalendarBuilder().build(new StringReader(
                MeetingCalendar.write(List.of(m), "x", Instant.parse("2026-03-02T10:00:00Z"), null)));
        VEvent event = (VEvent) parsed.getComponents("VEVENT").getFirst();
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
    }

    private static String value(VEvent event, String name) {
        Optional<Property> p = event.getProperty(name);
        return p.map(Property::getValue).orElse(null);
    }
}
