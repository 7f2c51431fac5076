package fr.relais.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsParserTest {

    @Test
    void readsRatesDurationsAndSwitches() {
        BenchOptions options = BenchOptionsParser.parse(new String[] {
                "--url", "http://localhost:9090", "--admin-password", "pw", "--subscribers", "10",
                "--rate", "50, 100,200", "--duration", "20s", "--warmup", "500ms", "--prewarm", "1m", "--receipts"});

        assertThat(options.rates()).containsExactly(50, 100, 200);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.prewarm()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.receipts()).isTrue();
        assertThat(options.subscribers()).isEqualTo(10);
        assertThat(options.webSocketUri()).isEqualTo(URI.create("ws://localhost:9090/ws"));
        assertThat(options.channels()).containsExactly("fed-29");
        assertThat(BenchOptions.topic("fed-29")).isEqualTo("/topic/channels.fed-29");
        assertThat(BenchOptions.sendDestination("fed-29")).isEqualTo("/app/channels.fed-29.send");
        assertThat(options.auth()).isTrue();
        assertThat(options.subscriberUrls()).containsExactly(URI.create("http://localhost:9090"));
    }

    @Test
    void theBaselineNeedsNoPasswordAndNeverAsksForReceipts() {
        BenchOptions options = BenchOptionsParser.parse(new String[] {
                "--target", "baseline", "--receipts", "--verify-stored", "--channels", "fed-01, fed-02"});

        assertThat(options.target()).isEqualTo(BenchOptions.Target.BASELINE);
        assertThat(options.auth()).isFalse();
        assertThat(options.receipts()).isFalse();
        assertThat(options.verifyStored()).isFalse();
        assertThat(options.label()).isEqualTo("baseline");
        assertThat(options.channels()).containsExactly("fed-01", "fed-02");
    }

    @Test
    void verifyingTheStoreImpliesReceiptsAndIdleModeTakesSteps() {
        BenchOptions options = BenchOptionsParser.parse(new String[] {
                "--admin-password", "pw", "--verify-stored", "--idle-connections", "100,200", "--stop-at-p99", "100",
                "--subscriber-urls", "http://127.0.0.1:1,http://127.0.0.1:2"});

        assertThat(options.receipts()).isTrue();
        assertThat(options.idleMode()).isTrue();
        assertThat(options.idleConnections()).containsExactly(100, 200);
        assertThat(options.idleTopics()).containsExactly("riposte-numerique", "visuels", "directs");
        assertThat(options.stopAtP99Millis()).isEqualTo(100);
        assertThat(options.subscriberUrls()).hasSize(2);
    }

    @Test
    void theHubStillNeedsTheAdminPasswordUnlessTold() {
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {"--target", "hub"}))
                .hasMessageContaining("admin password");
        assertThat(BenchOptionsParser.parse(new String[] {"--no-auth"}).auth()).isFalse();
    }

    @Test
    void rejectsUnknownOptionsRatherThanIgnoringATypo() {
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {"--admin-password", "pw", "--subscriber", "5"}))
                .hasMessageContaining("subscriber");
    }

    @Test
    void parsesDurationUnits() {
        assertThat(BenchOptionsParser.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptionsParser.parseDuration("15")).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> BenchOptionsParser.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liveReactorsAndBursts() {
        BenchOptions options = BenchOptionsParser.parse(new String[] {
                "--admin-password", "pw", "--channels", "directs", "--subscribers", "20", "--live", "--reactors", "5",
                "--reaction-burst", "3/2s/500ms", "--live-slow-mode", "10"});

        assertThat(options.live()).isTrue();
        assertThat(options.reactors()).isEqualTo(5);
        assertThat(options.reactionBurst().reactionsPerReactor()).isEqualTo(3);
        assertThat(options.reactionBurst().period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.liveSlowModeSeconds()).isEqualTo(10);
    }

    @Test
    void reactorsNeedTheLiveSessionAndAreSubscribers() {
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {"--admin-password", "pw", "--reactors", "5"}))
                .hasMessageContaining("--live");
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {
                "--admin-password", "pw", "--subscribers", "3", "--live", "--reactors", "5"}))
                .hasMessageContaining("--subscribers");
    }
}
