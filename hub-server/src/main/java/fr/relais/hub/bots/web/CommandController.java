package fr.relais.hub.bots.web;

import fr.relais.hub.bots.CommandInvocation;
import fr.relais.hub.bots.SlashCommand;
import fr.relais.hub.bots.SlashCommands;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Slash commands: people invoke them in a channel; bots register them, list what is pending and answer. */
@RestController
class CommandController {
    private final SlashCommands commands;

    CommandController(SlashCommands commands) {
        this.commands = commands;
    }

    /** Every registered command, for autocomplete after "/". */
    @GetMapping("/api/v1/commands")
    List<SlashCommand> all() {
        return commands.all();
    }

    record InvokeRequest(String text, String clientCommandId) {
    }

    @PostMapping("/api/v1/channels/{channelId}/commands")
    ResponseEntity<Map<String, Object>> invoke(@AuthenticationPrincipal User me, @PathVariable String channelId,
                                               @RequestBody InvokeRequest body) {
        CommandInvocation invocation = commands.invoke(me, channelId, body.text(), body.clientCommandId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(SlashCommands.view(invocation));
    }

    @GetMapping("/api/v1/commands/invocations/{id}")
    Map<String, Object> invocation(@AuthenticationPrincipal User me, @PathVariable String id) {
        return SlashCommands.view(commands.find(me, id));
    }

    record RegisterRequest(String description, String usage) {
    }

    @PutMapping("/api/v1/bots/me/commands/{name}")
    SlashCommand register(@AuthenticationPrincipal User me, @PathVariable String name, @RequestBody(required = false) RegisterRequest body) {
        return commands.register(me, name, body == null ? null : body.description(), body == null ? null : body.usage());
    }

    @DeleteMapping("/api/v1/bots/me/commands/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unregister(@AuthenticationPrincipal User me, @PathVariable String name) {
        commands.unregister(me, name);
    }

    /** The calling bot's invocations still waiting for an answer, oldest first (at most 100). */
    @GetMapping("/api/v1/bots/me/invocations")
    List<Map<String, Object>> pending(@AuthenticationPrincipal User me) {
        return commands.pending(me).stream().map(SlashCommands::view).toList();
    }

    record ReplyRequest(String text, String visibility, String threadId) {
    }

    @PostMapping("/api/v1/bots/me/invocations/{id}/reply")
    Map<String, Object> reply(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody ReplyRequest body) {
        CommandInvocation.Visibility visibility;
        try {
            visibility = body.visibility() == null ? CommandInvocation.Visibility.CALLER
                    : CommandInvocation.Visibility.valueOf(body.visibility().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("visibility is caller or channel");
        }
        return SlashCommands.view(commands.reply(me, id, body.text(), visibility, body.threadId()));
    }
}
