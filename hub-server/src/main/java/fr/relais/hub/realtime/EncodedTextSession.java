package fr.relais.hub.realtime;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Sends {@link EncodedTextMessage}s as text frames straight from their bytes. The standard WebSocket
 * API only takes a {@code String} for text, which Tomcat then encodes one character at a time into
 * each socket's buffer: the profile showed that encoding as the largest cost of fan-out (about a
 * quarter of the fan-out threads). Tomcat's own endpoint can send ready bytes as a text frame (the
 * path its binary sends use); it is not public, so it is reached once through method handles. If
 * they cannot be found (another server, another Tomcat version) every message goes the standard way.
 *
 * <p>Sits under Spring's {@code ConcurrentWebSocketSessionDecorator}, so sends to one socket are still
 * serialised and the slow-client policy still applies.
 */
final class EncodedTextSession extends WebSocketSessionDecorator {
    private static final Logger log = LoggerFactory.getLogger(EncodedTextSession.class);
    private static final byte OPCODE_TEXT = 0x1;
    private static final TomcatText TOMCAT = TomcatText.find();

    /** The Tomcat session to write bytes to, or null to send the standard way. */
    private final Object tomcatSession;

    /** Made once the socket is open (its native session exists), so each send only checks a field. */
    EncodedTextSession(WebSocketSession delegate) {
        super(delegate);
        this.tomcatSession = TOMCAT != null && delegate instanceof StandardWebSocketSession standard
                && standard.getNativeSession().getClass().getName().equals("org.apache.tomcat.websocket.WsSession")
                ? standard.getNativeSession() : null;
    }

    /** Whether frames skip the per-character encoding on this server. */
    static boolean direct() {
        return TOMCAT != null;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (!(message instanceof EncodedTextMessage encoded)) {
            super.sendMessage(message);
        } else if (tomcatSession != null) {
            TOMCAT.send(tomcatSession, encoded.getPayload());
        } else {
            super.sendMessage(new TextMessage(encoded.text()));
        }
    }

    /** Handles on Tomcat's endpoint internals, the same calls as its {@code sendBytes}, with the text opcode. */
    private record TomcatText(MethodHandle endpoint, MethodHandle stateMachine, MethodHandle textStart,
                              MethodHandle complete, MethodHandle sendBlock) {
        static TomcatText find() {
            try {
                Class<?> session = Class.forName("org.apache.tomcat.websocket.WsSession");
                Class<?> endpointType = Class.forName("org.apache.tomcat.websocket.WsRemoteEndpointImplBase");
                Class<?> stateType = Class.forName("org.apache.tomcat.websocket.WsRemoteEndpointImplBase$StateMachine");
                MethodHandles.Lookup inSession = MethodHandles.privateLookupIn(session, MethodHandles.lookup());
                MethodHandles.Lookup inEndpoint = MethodHandles.privateLookupIn(endpointType, MethodHandles.lookup());
                MethodHandles.Lookup inState = MethodHandles.privateLookupIn(stateType, MethodHandles.lookup());
                // Erased to Object once, so that each send is an exact (fast) invocation.
                return new TomcatText(
                        inSession.findGetter(session, "wsRemoteEndpoint", endpointType)
                                .asType(MethodType.methodType(Object.class, Object.class)),
                        inEndpoint.findGetter(endpointType, "stateMachine", stateType)
                                .asType(MethodType.methodType(Object.class, Object.class)),
                        inState.findVirtual(stateType, "textStart", MethodType.methodType(void.class))
                                .asType(MethodType.methodType(void.class, Object.class)),
                        inState.findVirtual(stateType, "complete", MethodType.methodType(void.class, boolean.class))
                                .asType(MethodType.methodType(void.class, Object.class, boolean.class)),
                        inEndpoint.findVirtual(endpointType, "sendMessageBlock",
                                        MethodType.methodType(void.class, byte.class, ByteBuffer.class, boolean.class))
                                .asType(MethodType.methodType(void.class, Object.class, byte.class, ByteBuffer.class, boolean.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                log.info("WebSocket text frames will be encoded per subscriber ({})", e.toString());
                return null;
            }
        }

        void send(Object nativeSession, ByteBuffer utf8) throws IOException {
            try {
                Object remote = (Object) endpoint.invokeExact(nativeSession);
                Object state = (Object) stateMachine.invokeExact(remote);
                textStart.invokeExact(state);
                sendBlock.invokeExact(remote, OPCODE_TEXT, utf8, true);
                complete.invokeExact(state, true);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException(e);
            }
        }
    }
}
