/** MongoDB side of live sessions: {@code live_sessions}, {@code live_post_slots}, {@code live_session_archive}. */
package fr.relais.hub.live.store;
