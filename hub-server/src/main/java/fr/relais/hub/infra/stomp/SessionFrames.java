package fr.relais.hub.infra.stomp;

import fr.relais.hub.realtime.WebSocketSessions;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Ready STOMP frames for one connection (receipts of stored messages, error events), written by one
 * thread. It takes every frame waiting at once and writes a connection's frames as one WebSocket
 * message, so a publisher whose messages were stored (or refused) together gets their answers in one
 * socket write instead of one each; and the threads that answer (the writer's completions, inbound
 * STOMP) never wait for a socket. Frames to one connection keep the order they were given in.
 */
@Component
public class SessionFrames implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SessionFrames.class);
    /** Most frames taken at once, and the longest WebSocket message they are gathered into. */
    private static final int MAX_PER_ROUND = 1024;
    private static final int MAX_MESSAGE_BYTES = 16_384;

    private final Supplier<WebSocketSessions> sessions;
    private final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Frame(String sessionId, byte[] bytes) { }

    /** The sessions are looked up once, on first use: they are built after this bean. */
    SessionFrames(ObjectProvider<WebSocketSessions> sessions) {
        this.sessions = SingletonSupplier.of(sessions::getObject);
        this.writer = new Thread(this::writeFrames, "session-frames");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one whole frame (UTF-8, ending with its NUL) for a connection of this node; skipped if it closes first. */
    public void send(String sessionId, byte[] frame) {
        queue.add(new Frame(sessionId, frame));
    }

    private void writeFrames() {
        List<Frame> round = new ArrayList<>();
        Map<String, ByteArrayOutputStream> bySession = new LinkedHashMap<>();
        try {
            while (true) {
                round.add(queue.take());
                queue.drainTo(round, MAX_PER_ROUND - 1);
                try {
                    for (Frame frame : round) {
                        ByteArrayOutputStream frames = bySession.computeIfAbsent(frame.sessionId(), id -> new ByteArrayOutputStream(64));
                        if (frames.size() > 0 && frames.size() + frame.bytes().length > MAX_MESSAGE_BYTES) {
                            sessions.get().sendEncoded(frame.sessionId(), frames.toByteArray());
                            frames.reset();
                        }
                        frames.writeBytes(frame.bytes());
                    }
                    bySession.forEach((sessionId, frames) -> sessions.get().sendEncoded(sessionId, frames.toByteArray()));
                } catch (RuntimeException bug) {
                    // What these frames answer is already decided (stored, or refused and not stored); a client
                    // missing a receipt sees its message on catch-up, one missing a refusal resends on its timeout.
                    log.error("Writing {} frames to connections failed", round.size(), bug);
                } finally {
                    round.clear();
                    bySession.clear();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        writer.interrupt();
    }
}
