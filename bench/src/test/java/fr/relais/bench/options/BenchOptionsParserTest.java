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
        assertThat(options.topic()).isEqualTo("/topic/channels.fed-29");
        assertThat(options.sendDestination()).isEqualTo("/app/channels.fed-29.send");
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
}
