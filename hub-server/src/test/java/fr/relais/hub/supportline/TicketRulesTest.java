package fr.relais.hub.supportline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.identity.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure rules of the support line: percentiles, the handling-time clock, alert scheduling. */
class TicketRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final UserRef ALICE = new UserRef("a", "alice", "Alice", false);

    private final SupportProperties properties = new SupportProperties(null, null, null, null, 0, null, null, null, 0, 0);
    private final SlaPolicy sla = new SlaPolicy(properties);

    @Test
    void percentiles_use_the_nearest_rank() {
        List<Long> ms = List.of(50L, 10L, 40L, 20L, 30L).stream().map(m -> m * 1000).toList();
        TicketMetrics.Times times = TicketMetrics.times(ms);
        assertThat(times.count()).isEqualTo(5);
        assertThat(times.medianSeconds()).isEqualTo(30);
        assertThat(times.p90Seconds()).isEqualTo(50);
        assertThat(TicketMetrics.times(List.of(7000L)).p90Seconds()).isEqualTo(7);
        assertThat(TicketMetrics.times(List.of()).medianSeconds()).isNull();
    }

    @Test
    void the_clock_excludes_paused_time() {
        SlaClock clock = SlaClock.running().pause(T0.plus(Duration.ofMinutes(10))).resume(T0.plus(Duration.ofHours(2)));
        assertThat(clock.elapsed(T0, T0.plus(Duration.ofHours(3)))).isEqualTo(Duration.ofMinutes(70));
        SlaClock pausedAgain = clock.pause(T0.plus(Duration.ofHours(3)));
        assertThat(pausedAgain.elapsed(T0, T0.plus(Duration.ofHours(30)))).isEqualTo(Duration.ofMinutes(70));
    }

    @Test
    void the_next_alert_is_the_warning_then_the_breach_and_none_while_paused() {
        Ticket t = ticket(Priority.URGENT);
        assertThat(t.nextAlertAt()).isEqualTo(T0.plus(Duration.ofMinutes(48)));
        assertThat(sla.dueAlerts(t, T0.plus(Duration.ofMinutes(47)))).isEmpty();
        List<SlaPolicy.Alert> due = sla.dueAlerts(t, T0.plus(Duration.ofMinutes(48)));
        assertThat(due).containsExactly(new SlaPolicy.Alert(SlaTimer.FIRST_RESPONSE, false, T0.plus(Duration.ofHours(1))));

        Ticket.Change c = t.change();
        c.sla = sla.fired(t.sla(), due);
        Ticket warned = sla.finish(c);
        assertThat(warned.nextAlertAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        Ticket.Change waiting = warned.change();
        StatusMoves.move(waiting, TicketStatus.WAITING_ON_REQUESTER, ALICE, T0.plus(Duration.ofMinutes(50)));
        assertThat(sla.finish(waiting).nextAlertAt()).isNull();
    }

    private Ticket ticket(Priority priority) {
        Ticket draft = new Ticket("t1", 1, "29", ALICE, "s", "d", "other", priority, priority, "general", TicketStatus.NEW, null,
                List.of(), T0, T0, null, null, null, null, null, T0, SlaClock.running(), null, null, null, List.of(), 0);
        return sla.finish(draft.change());
    }
}
