package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchMessageTest {

    @Test
    void textRoundTripsAndIsPaddedToTheRequestedLength() {
        BenchMessage message = new BenchMessage(2, true, 12345, 987654321012L);

        String text = message.text(100);

        assertThat(text).hasSize(100).startsWith("bench:2:m:12345:987654321012:");
        assertThat(BenchMessage.parse(text, 0)).isEqualTo(message);
    }

    @Test
    void negativeNanoTimesSurviveTheRoundTrip() {
        BenchMessage message = new BenchMessage(0, false, 0, -42);

        assertThat(BenchMessage.parse(message.text(10), 0)).isEqualTo(message);
    }

    @Test
    void foreignTextsAreNotBenchMessages() {
        assertThat(BenchMessage.parse("bonjour à tous", 0)).isNull();
        assertThat(BenchMessage.parse("bench:1:q:2:3:", 0)).isNull();
        assertThat(BenchMessage.parse("bench:1:m:2", 0)).isNull();
    }

    @Test
    void clientMessageIdLeadsBackToRoundAndPhase() {
        BenchMessage message = new BenchMessage(1, false, 77, 5);

        BenchMessage fromId = BenchMessage.parseClientMessageId(message.clientMessageId("run9"), "run9");

        assertThat(fromId.round()).isEqualTo(1);
        assertThat(fromId.measured()).isFalse();
        assertThat(fromId.number()).isEqualTo(77);
        assertThat(BenchMessage.parseClientMessageId(message.clientMessageId("other"), "run9")).isNull();
    }
}
