package fr.relais.hub.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recurrence expansion: daylight-saving changes, every other week, 2nd Tuesday, exceptions, single changes. */
class MeetingRecurrenceTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Meeting meeting(LocalDateTime start, String rrule, List<LocalDateTime> exceptions, Map<String, OccurrenceChange> changes) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Meeting("m1", "Coordination des fédérations", "", "alice", start, 90, PARIS, rrule, exceptions, changes,
                new Invitees(Set.of("bruno"), Set.of(), Set.of(), null), "fed-29", false, RoomNames.newSecret(), 0,
                created, created, 0);
    }

    static List<Occurrence> all(Meeting m, String from, String to) {
        return Occurrences.between(m, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void a_weekly_18h_paris_meeting_stays_at_18h_across_both_daylight_saving_changes() {
        // Summer time starts on 29 March 2026 and ends on 25 October 2026.
        Meeting m = meeting(LocalDateTime.of(2026, 3, 17, 18, 0), "FREQ=WEEKLY", List.of(), Map.of());
        List<Occurrence> spring = all(m, "2026-03-16T00:00:00Z", "2026-04-08T00:00:00Z");
        assertThat(spring).extracting(o -> o.start().toLocalDateTime()).containsExactly(
                LocalDateTime.of(2026, 3, 17, 18, 0), LocalDateTime.of(2026, 3, 24, 18, 0),
                LocalDateTime.of(2026, 3, 31, 18, 0), LocalDateTime.of(2026, 4, 7, 18, 0));
        assertThat(spring.get(1).start().toInstant()).isEqualTo(Instant.parse("2026-03-24T17:00:00Z")); // UTC+1
        assertThat(spring.get(2).start().toInstant()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z")); // UTC+2
        assertThat(spring.get(2).end().toLocalTime()).isEqualTo(LocalTime.of(19, 30));

        List<Occurrence> autumn = all(m, "2026-10-19T00:00:00Z", "2026-11-01T00:00:00Z");
        assertThat(autumn).extracting(o -> o.start().toLocalTime()).containsOnly(LocalTime.of(18, 0));
        assertThat(autumn).extracting(o -> o.start().getOffset())
                .containsExactly(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
    }

    @Test
    void every_other_week_with_an_end_date() {
        Meeting m = meeting(LocalDateTime.of(2026, 3, 10, 18, 0), "FREQ=WEEKLY;INTERVAL=2;UNTIL=20260505T215959Z", List.of(), Map.of());
        assertThat(all(m, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")).extracting(o -> o.start().toLocalDate().toString())
                .containsExactly("2026-03-10", "2026-03-24", "2026-04-07", "2026-04-21", "2026-05-05");
        assertThat(Occurrences.lastEnd(m)).contains(LocalDateTime.of(2026, 5, 5, 19, 30).atZone(PARIS).toInstant());
    }

    @Test
    void monthly_on_the_second_tuesday_with_exceptions() {
        Meeting m = meeting(LocalDateTime.of(2026, 1, 13, 18, 0), "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
                List.of(LocalDateTime.of(2026, 4, 14, 18, 0)), Map.of());
        List<Occurrence> list = all(m, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertThat(list).extracting(o -> o.start().toLocalDate().toString())
                .containsExactly("2026-01-13", "2026-02-10", "2026-03-10", "2026-05-12", "2026-06-09");
        assertThat(list).allSatisfy(o -> {
            assertThat(o.start().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(o.start().getDayOfMonth()).isBetween(8, 14);
            assertThat(o.start().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        });
        assertThat(Occurrences.find(m, "20260414T180000")).isEmpty();
        assertThat(Occurrences.find(m, "20260512T180000")).isPresent();
    }

    @Test
    void one_occurrence_moved_retitled_or_cancelled_keeps_its_key_and_the_others_stay() {
        Map<String, OccurrenceChange> changes = Map.of(
                "20260324T180000", new OccurrenceChange(LocalDateTime.of(2026, 3, 26, 9, 30), 60, "Spéciale municipales", null, false),
                "20260407T180000", OccurrenceChange.cancellation());
        Meeting m = meeting(LocalDateTime.of(2026, 3, 17, 18, 0), "FREQ=WEEKLY", List.of(), changes);
        List<Occurrence> list = all(m, "2026-03-16T00:00:00Z", "2026-04-15T00:00:00Z");
        assertThat(list).extracting(Occurrence::key).containsExactly(
                "20260317T180000", "20260324T180000", "20260331T180000", "20260407T180000", "20260414T180000");
        Occurrence moved = list.get(1);
        assertThat(moved.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 26, 9, 30));
        assertThat(moved.end().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 26, 10, 30));
        assertThat(moved.title()).isEqualTo("Spéciale municipales");
        assertThat(moved.changed()).isTrue();
        assertThat(list.get(3).cancelled()).isTrue();
        assertThat(list.get(2).title()).isEqualTo("Coordination des fédérations");

        // An occurrence moved into a window from outside it is found too.
        assertThat(all(m, "2026-03-26T00:00:00Z", "2026-03-27T00:00:00Z")).extracting(Occurrence::key)
                .containsExactly("20260324T180000");
    }

    @Test
    void a_start_that_is_not_an_occurrence_of_the_rule_and_fast_rules_are_refused() {
        assertThatThrownBy(() -> Recurrence.check("FREQ=MONTHLY;BYDAY=2TU", LocalDateTime.of(2026, 1, 15, 18, 0).atZone(PARIS)))
                .isInstanceOfSatisfying(RelaisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECURRENCE));
        assertThatThrownBy(() -> Recurrence.check("FREQ=MINUTELY", LocalDateTime.of(2026, 1, 15, 18, 0).atZone(PARIS)))
                .isInstanceOfSatisfying(RelaisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECURRENCE));
        assertThatThrownBy(() -> Recurrence.check("FREQ=SOMETIMES", LocalDateTime.of(2026, 1, 15, 18, 0).atZone(PARIS)))
                .isInstanceOfSatisfying(RelaisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECURRENCE));
    }

    @Test
    void room_names_are_lowercase_slugs_stable_per_occurrence_and_different_between_occurrences_and_meetings() {
        Meeting m = meeting(LocalDateTime.of(2026, 3, 17, 18, 0), "FREQ=WEEKLY", List.of(), Map.of());
        Meeting other = meeting(LocalDateTime.of(2026, 3, 17, 18, 0), "FREQ=WEEKLY", List.of(), Map.of());
        String room = RoomNames.of(m, "20260317T180000");
        assertThat(room).matches("relais-[a-z2-7]{26}");
        assertThat(RoomNames.of(m, "20260317T180000")).isEqualTo(room);
        assertThat(RoomNames.of(m, "20260324T180000")).isNotEqualTo(room);
        assertThat(RoomNames.of(other, "20260317T180000")).isNotEqualTo(room);
    }
}
