package fr.relais.hub.supportline;

import java.util.List;
import java.util.Optional;

/** Persistence port for canned responses (implemented in {@code store/}). */
public interface CannedResponseStore {
    String newId();

    void save(CannedResponse response);

    Optional<CannedResponse> findById(String id);

    List<CannedResponse> all(int limit);

    boolean delete(String id);
}
