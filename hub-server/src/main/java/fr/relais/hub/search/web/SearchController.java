package fr.relais.hub.search.web;

import fr.relais.hub.chat.web.MessageResponse;
import fr.relais.hub.identity.User;
import fr.relais.hub.search.MessageSearch;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {
    private final MessageSearch search;

    SearchController(MessageSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    List<MessageResponse> search(@AuthenticationPrincipal User me, @RequestParam String q,
                                 @RequestParam(required = false) String channelId,
                                 @RequestParam(defaultValue = "20") int limit) {
        return search.search(me, q, channelId, limit).stream().map(MessageResponse::of).toList();
    }
}
