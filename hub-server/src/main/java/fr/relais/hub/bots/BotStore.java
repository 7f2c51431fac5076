package fr.relais.hub.bots;

import java.util.List;
import java.util.Optional;

/** Persistence port for bot accounts. */
public interface BotStore {
    void insert(Bot bot);

    void replace(Bot bot);

    Optional<Bot> find(String id);

    List<Bot> findAll();

    List<Bot> findByOwner(String ownerId);
}
