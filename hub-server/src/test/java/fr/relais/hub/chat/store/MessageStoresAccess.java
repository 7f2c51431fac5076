package fr.relais.hub.chat.store;

import com.mongodb.client.MongoDatabase;
import fr.relais.hub.chat.MessageStore;

/** Opens the real messages collection for tests of other packages (the store class is package-private). */
public final class MessageStoresAccess {
    public static MessageStore open(MongoDatabase database) {
        return new MongoMessageStore(database);
    }

    private MessageStoresAccess() {
    }
}
