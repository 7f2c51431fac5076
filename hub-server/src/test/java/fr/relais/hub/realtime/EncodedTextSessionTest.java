package fr.relais.hub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

class EncodedTextSessionTest {

    @Test
    void on_tomcat_frames_are_written_from_their_bytes() {
        // Fails when a Tomcat upgrade moves the internals this relies on: fan-out would silently fall
        // back to encoding every frame per subscriber (correct, but about a quarter slower).
        assertThat(EncodedTextSession.direct()).isTrue();
    }

    @Test
    void elsewhere_the_same_text_goes_the_standard_way() throws Exception {
        WebSocketSession other = mock(WebSocketSession.class);
        byte[] json = "{\"text\":\"Réunion à 18h €\"}".getBytes(StandardCharsets.UTF_8);
        StompMessageFrame frame = new StompMessageFrame("/topic/channels.fed-29", json);

        new EncodedTextSession(other).sendMessage(frame.forSubscription("sub-0"));

        ArgumentCaptor<WebSocketMessage<?>> sent = ArgumentCaptor.captor();
        verify(other).sendMessage(sent.capture());
        assertThat(sent.getValue()).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) sent.getValue()).getPayload()).isEqualTo("MESSAGE\ndestination:/topic/channels.fed-29\n"
                + "content-type:application/json\nmessage-id:" + messageId(sent.getValue()) + "\ncontent-length:" + json.length + "\nsubscription:sub-0\n\n"
                + "{\"text\":\"Réunion à 18h €\"}\u0000");
    }

    static String messageId(WebSocketMessage<?> message) {
        String text = ((TextMessage) message).getPayload();
        int start = text.indexOf("message-id:") + "message-id:".length();
        return text.substring(start, text.indexOf('\n', start));
    }
}
