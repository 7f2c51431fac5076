package fr.relais.hub.channels;

import java.util.List;

/** Persistence port for channel exclusions. */
public interface ExclusionStore {
    void save(Exclusion exclusion);

    /** @return true if there was such an exclusion */
    boolean delete(String channelId, String userId);

    List<Exclusion> findAll();
}
