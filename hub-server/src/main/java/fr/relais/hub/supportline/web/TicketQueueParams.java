package fr.relais.hub.supportline.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.supportline.TicketStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parses {@code status=open,new} or repeated {@code status} parameters. */
final class TicketQueueParams {
    static Set<TicketStatus> statuses(List<String> values) {
        if (values == null || values.isEmpty()) return null;
        Set<TicketStatus> set = EnumSet.noneOf(TicketStatus.class);
        for (String csv : values) {
            for (String name : csv.split(",")) {
                if (name.isBlank()) continue;
                try {
                    set.add(TicketStatus.parse(name));
                } catch (IllegalArgumentException e) {
                    throw RelaisException.invalid("unknown status: " + name);
                }
            }
        }
        return set.isEmpty() ? null : set;
    }

    private TicketQueueParams() {
    }
}
