package fr.relais.hub.bots.web;

import fr.relais.hub.bots.Bot;
import fr.relais.hub.bots.BotAccounts;
import fr.relais.hub.bots.IncomingWebhook;
import fr.relais.hub.bots.IncomingWebhooks;
import fr.relais.hub.bots.OutgoingWebhook;
import fr.relais.hub.bots.OutgoingWebhooks;
import fr.relais.hub.bots.WebhookDelivery;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.User;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bot accounts (national admins create them; admins and the bot's owner manage tokens and webhooks).
 * Token values and webhook secrets appear only in the response that creates them.
 */
@RestController
@RequestMapping("/api/v1/bots")
class BotController {
    private final BotAccounts bots;
    private final IncomingWebhooks incoming;
    private final OutgoingWebhooks outgoing;

    BotController(BotAccounts bots, IncomingWebhooks incoming, OutgoingWebhooks outgoing) {
        this.bots = bots;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    record CreateBotRequest(String username, String displayName, String avatarUrl, String ownerId, List<String> channelIds,
                            Boolean allFederationChannels, List<String> capabilities) {
    }

    record BotResponse(String id, String username, String displayName, String avatarUrl, String ownerId,
                       List<String> channelIds, List<String> capabilities, String createdAt, String createdBy) {
        static BotResponse of(Bot b) {
            return new BotResponse(b.id(), b.username(), b.displayName(), b.avatarUrl(), b.ownerId(),
                    b.channelIds().stream().sorted().toList(), b.capabilities().stream().map(Enum::name).sorted().toList(),
                    b.createdAt().toString(), b.createdBy());
        }
    }

    record TokenResponse(String tokenId, String token, BotResponse bot) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse create(@AuthenticationPrincipal User me, @RequestBody CreateBotRequest body) {
        BotAccounts.Created created = bots.create(me, new BotAccounts.NewBot(body.username(), body.displayName(),
                body.avatarUrl(), body.ownerId(), body.channelIds(), Boolean.TRUE.equals(body.allFederationChannels()),
                capabilities(body.capabilities())));
        return new TokenResponse(created.tokenId(), created.token(), BotResponse.of(created.bot()));
    }

    @GetMapping
    List<BotResponse> list(@AuthenticationPrincipal User me) {
        return bots.visibleTo(me).stream().map(BotResponse::of).toList();
    }

    /** The calling bot's own record (for a bot authenticated with its token). */
    @GetMapping("/me")
    BotResponse self(@AuthenticationPrincipal User me) {
        return BotResponse.of(bots.requireSelf(me));
    }

    @GetMapping("/{id}")
    BotResponse get(@AuthenticationPrincipal User me, @PathVariable String id) {
        return BotResponse.of(bots.requireManaged(me, id));
    }

    record ChannelsRequest(List<String> channelIds, Boolean allFederationChannels) {
    }

    @PutMapping("/{id}/channels")
    BotResponse channels(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody ChannelsRequest body) {
        return BotResponse.of(bots.setChannels(me, id, body.channelIds(), Boolean.TRUE.equals(body.allFederationChannels())));
    }

    @PostMapping("/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@AuthenticationPrincipal User me, @PathVariable String id) {
        bots.deactivate(me, id);
    }

    record TokenInfo(String id, String createdAt, String lastUsedAt) {
        static TokenInfo of(AuthSession s) {
            return new TokenInfo(s.id(), s.createdAt().toString(), s.lastUsedAt() == null ? null : s.lastUsedAt().toString());
        }
    }

    @GetMapping("/{id}/tokens")
    List<TokenInfo> tokens(@AuthenticationPrincipal User me, @PathVariable String id) {
        return bots.tokens(me, id).stream().map(TokenInfo::of).toList();
    }

    /** A new token; the bot's other tokens are revoked and their connections closed. */
    @PostMapping("/{id}/tokens/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse rotate(@AuthenticationPrincipal User me, @PathVariable String id) {
        BotAccounts.Created created = bots.rotateToken(me, id);
        return new TokenResponse(created.tokenId(), created.token(), BotResponse.of(created.bot()));
    }

    @DeleteMapping("/{id}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String tokenId) {
        bots.revokeToken(me, id, tokenId);
    }

    record IncomingRequest(String channelId, String name) {
    }

    @PostMapping("/{id}/incoming-webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createIncoming(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody IncomingRequest body) {
        IncomingWebhooks.Created created = incoming.create(me, id, body.channelId(), body.name());
        Map<String, Object> view = incomingView(created.hook());
        view.put("secret", created.secret());
        return view;
    }

    @GetMapping("/{id}/incoming-webhooks")
    List<Map<String, Object>> listIncoming(@AuthenticationPrincipal User me, @PathVariable String id) {
        return incoming.of(me, id).stream().map(BotController::incomingView).toList();
    }

    @DeleteMapping("/{id}/incoming-webhooks/{hookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteIncoming(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String hookId) {
        incoming.delete(me, id, hookId);
    }

    record OutgoingRequest(String channelId, List<String> triggerWords, String url) {
    }

    @PostMapping("/{id}/outgoing-webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createOutgoing(@AuthenticationPrincipal User me, @PathVariable String id, @RequestBody OutgoingRequest body) {
        OutgoingWebhooks.Created created = outgoing.create(me, id, body.channelId(), body.triggerWords(), body.url());
        Map<String, Object> view = outgoingView(created.hook());
        view.put("secret", created.secret());
        return view;
    }

    @GetMapping("/{id}/outgoing-webhooks")
    List<Map<String, Object>> listOutgoing(@AuthenticationPrincipal User me, @PathVariable String id) {
        return outgoing.of(me, id).stream().map(BotController::outgoingView).toList();
    }

    @DeleteMapping("/{id}/outgoing-webhooks/{hookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOutgoing(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String hookId) {
        outgoing.delete(me, id, hookId);
    }

    /** Deliveries of an outgoing webhook, newest first: what the bot's owner looks at when something fails. */
    @GetMapping("/{id}/outgoing-webhooks/{hookId}/deliveries")
    List<WebhookDelivery> deliveries(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String hookId,
                                     @RequestParam(required = false) String status) {
        WebhookDelivery.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = WebhookDelivery.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("status is PENDING, DELIVERED or FAILED");
            }
        }
        return outgoing.deliveries(me, id, hookId, s);
    }

    @PostMapping("/{id}/outgoing-webhooks/{hookId}/deliveries/{deliveryId}/retry")
    WebhookDelivery retry(@AuthenticationPrincipal User me, @PathVariable String id, @PathVariable String hookId,
                          @PathVariable String deliveryId) {
        return outgoing.retry(me, id, hookId, deliveryId);
    }

    private static Map<String, Object> incomingView(IncomingWebhook h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("botId", h.botId());
        v.put("channelId", h.channelId());
        v.put("name", h.name());
        v.put("url", "/hooks/in/" + h.id());
        v.put("createdAt", h.createdAt().toString());
        return v;
    }

    private static Map<String, Object> outgoingView(OutgoingWebhook h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("botId", h.botId());
        v.put("channelId", h.channelId());
        v.put("triggerWords", h.triggerWords());
        v.put("url", h.url());
        v.put("createdAt", h.createdAt().toString());
        return v;
    }

    private static Set<Bot.Capability> capabilities(List<String> names) {
        Set<Bot.Capability> result = EnumSet.noneOf(Bot.Capability.class);
        for (String n : names == null ? List.<String>of() : names) {
            try {
                result.add(Bot.Capability.valueOf(n.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw RelaisException.invalid("unknown capability: " + n);
            }
        }
        return result;
    }
}
