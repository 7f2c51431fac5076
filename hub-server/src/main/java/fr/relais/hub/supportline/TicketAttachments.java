package fr.relais.hub.supportline;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.files.FileStore;
import fr.relais.hub.files.StoredFile;
import fr.relais.hub.identity.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Resolves the file ids sent with a ticket or a reply: each must exist in the file store and have been
 * uploaded by the author. Until the file store is wired in, any attachment is refused.
 */
@Component
class TicketAttachments {
    static final int MAX_PER_POST = 10;

    private final ObjectProvider<FileStore> files;

    TicketAttachments(ObjectProvider<FileStore> files) {
        this.files = files;
    }

    List<Attachment> resolve(User author, List<String> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        if (ids.size() > MAX_PER_POST) throw RelaisException.invalid("at most " + MAX_PER_POST + " attachments");
        FileStore store = files.getIfAvailable();
        if (store == null) throw RelaisException.invalid("attachments are not available on this hub yet");
        List<Attachment> resolved = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            StoredFile file = store.find(id).filter(f -> f.uploaderId().equals(author.id()))
                    .orElseThrow(() -> RelaisException.invalid("unknown attachment: " + id));
            resolved.add(new Attachment(file.id(), file.name(), file.contentType(), file.size()));
        }
        return resolved;
    }
}
