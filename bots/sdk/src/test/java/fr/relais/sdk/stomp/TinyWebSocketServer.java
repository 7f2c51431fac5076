package fr.relais.sdk.stomp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of an RFC 6455 server to script the server side of a STOMP session from a test:
 * the JDK ships a WebSocket client but no server, and the hub is a separate module.
 */
final class TinyWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket serverSocket;

    TinyWebSocketServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverSocket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + serverSocket.getLocalPort() + "/ws");
    }

    /** Accepts the next client and completes its upgrade. */
    Connection accept() throws IOException {
        Socket socket = serverSocket.accept();
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        Connection connection = new Connection(socket);
        connection.upgrade();
        return connection;
    }

    /** Accepts the next client and refuses its upgrade with the given HTTP status. */
    void acceptAndReject(int httpStatus) throws IOException {
        try (Socket socket = serverSocket.accept()) {
            Connection connection = new Connection(socket);
            connection.readRequestHeaders();
            connection.writeAscii("HTTP/1.1 " + httpStatus + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final StompFrameDecoder decoder = new StompFrameDecoder();
        private final Deque<StompFrame> decoded = new ArrayDeque<>();
        private final Map<String, String> requestHeaders = new LinkedHashMap<>();
        private Integer closeCodeFromClient;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Handshake headers, names in lower case. */
        Map<String, String> requestHeaders() {
            return requestHeaders;
        }

        /** Next STOMP frame sent by the client; {@code null} once the client has closed. */
        StompFrame readFrame() throws IOException {
            while (decoded.isEmpty()) {
                String text = readTextMessage();
                if (text == null) {
                    return null;
                }
                decoded.addAll(decoder.feed(text));
            }
            return decoded.poll();
        }

        /** The next text message exactly as sent, for frames the decoder would reject. */
        String readTextMessageForTest() throws IOException {
            return readTextMessage();
        }

        /** Close status the client sent, once {@link #readFrame()} has returned {@code null}. */
        Integer closeCodeFromClient() {
            return closeCodeFromClient;
        }

        void sendFrame(StompFrame frame) throws IOException {
            sendText(StompFrameCodec.encode(frame));
        }

        void sendText(String text) throws IOException {
            writeFrame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
        }

        /** One text message cut into continuation frames, as proxies and big messages do. */
        void sendFragmented(String text, int fragmentBytes) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int start = 0; start < bytes.length; start += fragmentBytes) {
                int end = Math.min(bytes.length, start + fragmentBytes);
                byte[] fragment = java.util.Arrays.copyOfRange(bytes, start, end);
                writeFrame(start == 0 ? 0x1 : 0x0, end == bytes.length, fragment);
            }
        }

        void sendClose(int statusCode) throws IOException {
            writeFrame(0x8, true, new byte[] {(byte) (statusCode >> 8), (byte) statusCode});
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private void upgrade() throws IOException {
            readRequestHeaders();
            String accept = acceptKey(requestHeaders.get("sec-websocket-key"));
            writeAscii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n");
        }

        private void readRequestHeaders() throws IOException {
            String line = readLine(); // request line
            while (!(line = readLine()).isEmpty()) {
                int colon = line.indexOf(':');
                requestHeaders.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed during the handshake");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private String readTextMessage() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                switch (opcode) {
                    case 0x8 -> {
                        closeCodeFromClient = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        writeFrame(0x8, true, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        return null;
                    }
                    case 0x9 -> writeFrame(0xA, true, payload);
                    case 0xA -> { }
                    default -> {
                        message.writeBytes(payload);
                        if (fin) {
                            return message.toString(StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        }

        private synchronized void writeFrame(int opcode, boolean fin, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift));
                }
            }
            frame.writeBytes(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        private void writeAscii(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static String acceptKey(String key) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
                return Base64.getEncoder().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
