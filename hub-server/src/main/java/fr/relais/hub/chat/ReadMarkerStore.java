package fr.relais.hub.chat;

import java.util.Map;

/** Persistence port for read markers: the last seq each user has read in each channel. */
public interface ReadMarkerStore {
    /** Moves the marker forward (never back); returns the stored value. */
    long advance(String userId, String channelId, long seq);

    Map<String, Long> markersOf(String userId);
}
