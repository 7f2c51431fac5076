package fr.relais.sdk.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StompFrameCodecTest {

    @Test
    void encodesCommandHeadersBlankLineBodyAndNul() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", "/app/channels.fed-29.send");
        headers.put("content-type", "application/json");

        String text = StompFrameCodec.encode(new StompFrame("SEND", headers, "{\"text\":\"salut\"}"));

        assertThat(text).isEqualTo("SEND\ndestination:/app/channels.fed-29.send\ncontent-type:application/json\n\n"
                + "{\"text\":\"salut\"}\0");
    }

    @Test
    void escapesAndUnescapesSpecialCharactersInHeaders() {
        String awkward = "a:b\\c\nd\re";
        StompFrame frame = new StompFrame("MESSAGE", Map.of("x" + awkward, awkward), "body");

        String text = StompFrameCodec.encode(frame);

        assertThat(text).contains("xa\\cb\\\\c\\nd\\re:a\\cb\\\\c\\nd\\re\n");
        assertThat(StompFrameCodec.decode(text)).containsExactly(frame);
    }

    @Test
    void leavesConnectAndConnectedHeadersUnescaped() {
        StompFrame connect = StompFrame.of("CONNECT", Map.of("passcode", "a:b\\c"));

        String text = StompFrameCodec.encode(connect);

        assertThat(text).isEqualTo("CONNECT\npasscode:a:b\\c\n\n\0");
        assertThat(StompFrameCodec.decode(text)).containsExactly(connect);
    }

    @Test
    void rejectsUndefinedEscapeSequences() {
        assertThatThrownBy(() -> StompFrameCodec.decode("MESSAGE\nbad:a\\tb\n\n\0"))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void keepsTheFirstOfRepeatedHeaders() {
        StompFrame frame = StompFrameCodec.decode("MESSAGE\nfoo:first\nfoo:second\n\n\0").getFirst();

        assertThat(frame.header("foo")).isEqualTo("first");
    }

    @Test
    void decodesSeveralFramesInOneText() {
        String text = "RECEIPT\nreceipt-id:rcpt-1\n\n\0MESSAGE\nsubscription:sub-1\n\nhello\0"
                + "ERROR\nmessage:nope\n\n\0";

        List<StompFrame> frames = StompFrameCodec.decode(text);

        assertThat(frames).extracting(StompFrame::command).containsExactly("RECEIPT", "MESSAGE", "ERROR");
        assertThat(frames.get(1).body()).isEqualTo("hello");
    }

    @Test
    void skipsHeartBeatEndOfLinesBetweenAndAroundFrames() {
        String text = "\n\r\n\nMESSAGE\r\nsubscription:sub-1\r\n\r\nhi\0\n\n\r\nRECEIPT\nreceipt-id:r\n\n\0\n";

        List<StompFrame> frames = StompFrameCodec.decode(text);

        assertThat(frames).extracting(StompFrame::command).containsExactly("MESSAGE", "RECEIPT");
        assertThat(frames.getFirst().header("subscription")).isEqualTo("sub-1");
        assertThat(StompFrameCodec.decode("\n")).isEmpty();
    }

    @Test
    void honoursContentLengthCountedInUtf8Octets() {
        String body = "é\0€𝄞x";
        int octets = StompFrameCodec.utf8Length(body);
        String text = "MESSAGE\ncontent-length:" + octets + "\n\n" + body + "\0";

        assertThat(octets).isEqualTo(2 + 1 + 3 + 4 + 1);
        assertThat(StompFrameCodec.decode(text).getFirst().body()).isEqualTo(body);
    }

    @Test
    void rejectsBodyLongerThanItsContentLength() {
        assertThatThrownBy(() -> StompFrameCodec.decode("MESSAGE\ncontent-length:2\n\nabc\0"))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void rejectsTextEndingInsideAFrame() {
        assertThatThrownBy(() -> StompFrameCodec.decode("MESSAGE\nfoo:bar\n\nno terminator"))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void streamDecoderReassemblesAFrameSplitAcrossMessages() {
        StompFrame original = new StompFrame("MESSAGE", Map.of("subscription", "sub-7", "a:b", "c\nd"),
                "x".repeat(300_000));
        String text = StompFrameCodec.encode(original) + "\n" + StompFrameCodec.encode(original);
        StompFrameDecoder decoder = new StompFrameDecoder();

        List<StompFrame> decoded = new java.util.ArrayList<>();
        for (int start = 0; start < text.length(); start += 7_001) {
            decoded.addAll(decoder.feed(text.substring(start, Math.min(text.length(), start + 7_001))));
        }

        assertThat(decoded).containsExactly(original, original);
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void streamDecoderWaitsForTheEndOfAContentLengthBody() {
        StompFrameDecoder decoder = new StompFrameDecoder();

        assertThat(decoder.feed("MESSAGE\ncontent-length:6\n\nab")).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
        assertThat(decoder.feed("c\0d")).isEmpty();
        assertThat(decoder.feed("e\0RECEIPT\n")).extracting(StompFrame::body).containsExactly("abc\0de");
        assertThat(decoder.feed("receipt-id:1\n\n\0")).extracting(StompFrame::command).containsExactly("RECEIPT");
    }

    @Test
    void splitsEveryPossibleWayStillGivesTheSameFrames() {
        String text = "\nMESSAGE\r\nsubscription:sub-1\nk\\c:v\\\\\n\nbody\0\r\nRECEIPT\nreceipt-id:r\n\n\0";
        List<StompFrame> whole = StompFrameCodec.decode(text);

        for (int cut = 0; cut <= text.length(); cut++) {
            StompFrameDecoder decoder = new StompFrameDecoder();
            List<StompFrame> pieces = new java.util.ArrayList<>(decoder.feed(text.substring(0, cut)));
            pieces.addAll(decoder.feed(text.substring(cut)));
            assertThat(pieces).as("cut at %d", cut).isEqualTo(whole);
        }
    }
}
