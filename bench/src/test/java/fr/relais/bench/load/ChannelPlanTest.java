package fr.relais.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChannelPlanTest {

    private static final URI A = URI.create("http://127.0.0.1:1");
    private static final URI B = URI.create("http://127.0.0.1:2");

    @Test
    void spreadsSubscribersOverChannelsAndServersInTurn() {
        ChannelPlan plan = new ChannelPlan(List.of("fed-01", "fed-02", "fed-03"), 10, List.of(A, B));

        assertThat(plan.channelOfSubscriber(0)).isEqualTo("fed-01");
        assertThat(plan.channelOfSubscriber(4)).isEqualTo("fed-02");
        assertThat(plan.urlOfSubscriber(0)).isEqualTo(A);
        assertThat(plan.urlOfSubscriber(3)).isEqualTo(B);
        assertThat(plan.channelOfMessage(5)).isEqualTo("fed-03");
    }

    @Test
    void deliveriesOwedMatchTheSubscribersActuallyOnTheMessagesChannel() {
        ChannelPlan plan = new ChannelPlan(List.of("a", "b", "c"), 10, List.of(A));

        for (long message = 0; message < 6; message++) {
            String channel = plan.channelOfMessage(message);
            long listening = IntStream.range(0, 10).filter(i -> plan.channelOfSubscriber(i).equals(channel)).count();
            assertThat(plan.deliveriesOwed(message)).as("message %d", message).isEqualTo(listening);
        }
    }
}
