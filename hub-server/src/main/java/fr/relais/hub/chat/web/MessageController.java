package fr.relais.hub.chat.web;

import fr.relais.hub.chat.ChannelHistory;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageEditor;
import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.chat.ReadState;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Messages over REST: history, catch-up events, posting (same rules as STOMP), edits, reactions, pins, threads. */
@RestController
@RequestMapping("/api/v1")
class MessageController {
    private final ChannelHistory history;
    private final MessageSender sender;
    private final MessageEditor editor;
    private final ReadState readState;

    MessageController(ChannelHistory history, MessageSender sender, MessageEditor editor, ReadState readState) {
        this.history = history;
        this.sender = sender;
        this.editor = editor;
        this.readState = readState;
    }

    @GetMapping("/channels/{channelId}/messages")
    List<MessageResponse> messages(@AuthenticationPrincipal User me, @PathVariable String channelId,
                                   @RequestParam(required = false) Long afterSeq,
                                   @RequestParam(required = false) Long beforeSeq,
                                   @RequestParam(defaultValue = "50") int limit,
                                   @RequestParam(defaultValue = "false") boolean includeReplies) {
        return history.page(me, channelId, afterSeq, beforeSeq, limit, includeReplies).stream().map(MessageResponse::of).toList();
    }

    record EventPageResponse(List<ChannelEventResponse> events, long lastSeq, boolean hasMore) {
    }

    /** Everything that happened after {@code afterSeq}: the catch-up call of a reconnecting client. */
    @GetMapping("/channels/{channelId}/events")
    EventPageResponse events(@AuthenticationPrincipal User me, @PathVariable String channelId,
                             @RequestParam(defaultValue = "0") long afterSeq, @RequestParam(defaultValue = "100") int limit) {
        ChannelHistory.EventPage page = history.eventsAfter(me, channelId, afterSeq, limit);
        return new EventPageResponse(page.events().stream().map(ChannelEventResponse::of).toList(), page.lastSeq(), page.hasMore());
    }

    record PostMessageRequest(String text, String clientMessageId, String threadId, List<String> attachmentIds) {
    }

    @PostMapping("/channels/{channelId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageResponse post(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody PostMessageRequest body) {
        return MessageResponse.of(await(sender.post(me, channelId, new PostRequest(body.text(), body.clientMessageId(), body.threadId(), body.attachmentIds()))));
    }

    @GetMapping("/messages/{messageId}")
    MessageResponse message(@AuthenticationPrincipal User me, @PathVariable String messageId) {
        return MessageResponse.of(history.message(me, messageId));
    }

    record EditRequest(String text) {
    }

    @PatchMapping("/messages/{messageId}")
    MessageResponse edit(@AuthenticationPrincipal User me, @PathVariable String messageId, @RequestBody EditRequest body) {
        return MessageResponse.of(await(editor.edit(me, messageId, body.text())));
    }

    @DeleteMapping("/messages/{messageId}")
    MessageResponse delete(@AuthenticationPrincipal User me, @PathVariable String messageId) {
        return MessageResponse.of(await(editor.delete(me, messageId)));
    }

    @PutMapping("/messages/{messageId}/reactions/{emoji}")
    MessageResponse react(@AuthenticationPrincipal User me, @PathVariable String messageId, @PathVariable String emoji) {
        return MessageResponse.of(await(editor.react(me, messageId, emoji, true)));
    }

    @DeleteMapping("/messages/{messageId}/reactions/{emoji}")
    MessageResponse unreact(@AuthenticationPrincipal User me, @PathVariable String messageId, @PathVariable String emoji) {
        return MessageResponse.of(await(editor.react(me, messageId, emoji, false)));
    }

    @PutMapping("/messages/{messageId}/pin")
    MessageResponse pin(@AuthenticationPrincipal User me, @PathVariable String messageId) {
        return MessageResponse.of(await(editor.pin(me, messageId, true)));
    }

    @DeleteMapping("/messages/{messageId}/pin")
    MessageResponse unpin(@AuthenticationPrincipal User me, @PathVariable String messageId) {
        return MessageResponse.of(await(editor.pin(me, messageId, false)));
    }

    @GetMapping("/messages/{messageId}/thread")
    List<MessageResponse> thread(@AuthenticationPrincipal User me, @PathVariable String messageId) {
        return history.thread(me, messageId).stream().map(MessageResponse::of).toList();
    }

    @GetMapping("/channels/{channelId}/pins")
    List<MessageResponse> pins(@AuthenticationPrincipal User me, @PathVariable String channelId) {
        return history.pinned(me, channelId).stream().map(MessageResponse::of).toList();
    }

    record ReadRequest(long seq) {
    }

    record ReadResponse(String channelId, long lastReadSeq) {
    }

    @PutMapping("/channels/{channelId}/read")
    ReadResponse markRead(@AuthenticationPrincipal User me, @PathVariable String channelId, @RequestBody ReadRequest body) {
        return new ReadResponse(channelId, readState.markRead(me, channelId, body.seq()));
    }

    private static Message await(CompletableFuture<Message> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RelaisException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RelaisException(ErrorCode.STORE_UNAVAILABLE, "Storing took too long; resend with the same clientMessageId");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelaisException(ErrorCode.STORE_UNAVAILABLE, "Interrupted");
        }
    }
}
