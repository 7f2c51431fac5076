package fr.relais.hub.chat.web;

import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.chat.ReadState;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.stomp.Receipts;
import fr.relais.hub.infra.stomp.SessionErrors;
import java.security.Principal;
import java.util.concurrent.CompletionException;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Controller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOMP SENDs to a channel. Thin: parse, hand to the domain, answer. A RECEIPT is sent only once the
 * message is durably stored; any refusal goes to the sender's {@code /user/queue/errors} with the
 * frame's receipt id and clientMessageId.
 */
@Controller
class ChatStompController {
    private final MessageSender sender;
    private final ReadState readState;
    private final UserDirectory users;
    private final Receipts receipts;
    private final SessionErrors errors;
    private final JsonMapper json;

    ChatStompController(MessageSender sender, ReadState readState, UserDirectory users, Receipts receipts,
                        SessionErrors errors, JsonMapper json) {
        this.sender = sender;
        this.readState = readState;
        this.users = users;
        this.receipts = receipts;
        this.errors = errors;
        this.json = json;
    }

    record SendMessageFrame(String text, String clientMessageId, String threadId, java.util.List<String> attachmentIds) {
    }

    record ReadFrame(long seq) {
    }

    @MessageMapping("/channels.{channelId}.send")
    void send(@DestinationVariable String channelId, Message<byte[]> frame, Principal principal) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        User user = users.require(principal.getName());
        SendMessageFrame body;
        try {
            body = json.readValue(frame.getPayload(), SendMessageFrame.class);
            if (body == null) throw new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be a JSON object");
        } catch (JacksonException e) {
            reject(headers, null, new RelaisException(ErrorCode.MALFORMED_JSON,
                    "The body must be JSON like {\"text\":\"...\",\"clientMessageId\":\"...\"}"));
            return;
        } catch (RelaisException e) {
            reject(headers, null, e);
            return;
        }
        try {
            sender.post(user, channelId, new PostRequest(body.text(), body.clientMessageId(), body.threadId(), body.attachmentIds()))
                    .whenComplete((stored, failure) -> {
                        if (failure == null) {
                            if (headers.getReceipt() != null) receipts.sendStored(headers.getSessionId(), headers.getReceipt());
                        } else {
                            reject(headers, body.clientMessageId(), unwrap(failure));
                        }
                    });
        } catch (RelaisException e) {
            reject(headers, body.clientMessageId(), e);
        }
    }

    @MessageMapping("/channels.{channelId}.read")
    void read(@DestinationVariable String channelId, Message<byte[]> frame, Principal principal) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        User user = users.require(principal.getName());
        try {
            ReadFrame body = json.readValue(frame.getPayload(), ReadFrame.class);
            readState.markRead(user, channelId, body.seq());
            if (headers.getReceipt() != null) receipts.send(headers.getSessionId(), headers.getReceipt());
        } catch (JacksonException e) {
            reject(headers, null, new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be JSON like {\"seq\":12}"));
        } catch (RelaisException e) {
            reject(headers, null, e);
        }
    }

    private void reject(StompHeaderAccessor headers, String clientMessageId, RelaisException e) {
        errors.send(headers.getSessionId(), e.code(), e.getMessage(), headers.getReceipt(), clientMessageId,
                headers.getDestination());
    }

    private static RelaisException unwrap(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof RelaisException r ? r
                : new RelaisException(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged");
    }
}
