package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageEventsTest {

    private static final String TEXT = new BenchMessage(0, true, 3, 1000).text(40);

    @Test
    void readsSeqAndMarkerFromCompactJson() {
        String body = "{\"type\":\"message.created\",\"channelId\":\"fed-29\",\"seq\":41,\"id\":\"m1\","
                + "\"author\":{\"id\":\"u1\",\"username\":\"admin\",\"displayName\":\"Admin\"},\"text\":\"" + TEXT
                + "\",\"clientMessageId\":\"bench-x-0-m-3\",\"createdAt\":\"2025-01-01T00:00:00Z\"}";

        MessageEvents.Delivery delivery = MessageEvents.parse(body);

        assertThat(delivery.seq()).isEqualTo(41);
        assertThat(delivery.message()).isEqualTo(new BenchMessage(0, true, 3, 1000));
    }

    @Test
    void fallsBackToAFullParseForOtherLayouts() {
        String body = "{ \"type\" : \"message.created\", \"seq\" : 7, \"text\" : \"" + TEXT + "\" }";

        assertThat(MessageEvents.parse(body).seq()).isEqualTo(7);
    }

    @Test
    void ignoresOtherEventsAndForeignMessages() {
        assertThat(MessageEvents.parse("{\"type\":\"message.created\",\"seq\":1,\"text\":\"salut\"}")).isNull();
        assertThat(MessageEvents.parse("{\"type\":\"message.deleted\",\"seq\":2,\"text\":\"" + TEXT + "\"}")).isNull();
        assertThat(MessageEvents.parse("{\"type\":\"typing\"}")).isNull();
    }
}
