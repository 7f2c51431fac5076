package fr.relais.hub.supportline;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Staff's prepared answers: shared by all staff, rendered for a ticket with its variables filled in. */
@Service
public class CannedResponses {
    static final int TITLE_MAX = 120;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+|agent\\.name)\\s*}}");

    private final TicketAccess access;
    private final CannedResponseStore store;
    private final TicketTexts texts;
    private final FederationCatalog federations;
    private final Clock clock;

    CannedResponses(TicketAccess access, CannedResponseStore store, TicketTexts texts, FederationCatalog federations,
                    Clock clock) {
        this.access = access;
        this.store = store;
        this.texts = texts;
        this.federations = federations;
        this.clock = clock;
    }

    public List<CannedResponse> list(User me) {
        access.requireStaff(me);
        return store.all(500);
    }

    public CannedResponse create(User me, String title, String body) {
        access.requireStaff(me);
        CannedResponse response = new CannedResponse(store.newId(), title(title), texts.body(body), UserRef.of(me), Now.of(clock));
        store.save(response);
        return response;
    }

    public CannedResponse update(User me, String id, String title, String body) {
        CannedResponse existing = require(me, id);
        CannedResponse response = new CannedResponse(existing.id(), title(title), texts.body(body), existing.createdBy(),
                Now.of(clock));
        store.save(response);
        return response;
    }

    public void delete(User me, String id) {
        access.requireStaff(me);
        if (!store.delete(id)) throw notFound(id);
    }

    public CannedResponse require(User me, String id) {
        access.requireStaff(me);
        return store.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The canned response's body with the ticket's values in place of its variables (unknown variables stay as written). */
    public String render(User me, Ticket ticket, String cannedId) {
        CannedResponse response = require(me, cannedId);
        access.checkView(me, ticket);
        Map<String, String> values = Map.of(
                "requester.name", ticket.requester().displayName(),
                "requester.username", ticket.requester().username(),
                "ticket.number", String.valueOf(ticket.number()),
                "ticket.subject", ticket.subject(),
                "ticket.category", ticket.category(),
                "federation.code", ticket.federation(),
                "federation.name", federations.find(ticket.federation()).map(f -> f.name()).orElse(ticket.federation()),
                "agent.name", me.displayName());
        Matcher m = VARIABLE.matcher(response.body());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) throw RelaisException.invalid("title is required");
        String t = title.strip();
        if (t.length() > TITLE_MAX) throw RelaisException.invalid("title is at most " + TITLE_MAX + " characters");
        return t;
    }

    private static RelaisException notFound(String id) {
        return new RelaisException(ErrorCode.CANNED_RESPONSE_NOT_FOUND, "No such canned response: " + id);
    }
}
