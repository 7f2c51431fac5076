-- Prosody host of a Debian Jitsi Meet install, with the parts Relais needs (compare with
-- /etc/prosody/conf.avail/visio.example.org.cfg.lua after installing jitsi-meet-tokens).

VirtualHost "visio.example.org"
    authentication = "token"
    app_id = "relais-hub"                 -- = JITSI_APP_ID on the hub
    app_secret = "change-me-to-a-long-random-secret-of-32-chars-or-more" -- = JITSI_APP_SECRET
    -- RS256 instead: remove app_secret and set asap_key_server = "https://keys.example.org/jitsi"
    allow_empty_token = false
    asap_accepted_issuers = { "relais-hub" }
    asap_accepted_audiences = { "jitsi" }
    modules_enabled = {
        "bosh";
        "websocket";
        "ping";
        "speakerstats";
        "conference_duration";
        "muc_lobby_rooms";
    }
    lobby_muc = "lobby.visio.example.org"
    main_muc = "conference.visio.example.org"

Component "conference.visio.example.org" "muc"
    modules_enabled = {
        "muc_meeting_id";
        "token_verification";   -- the token's room must match the room joined
        "token_affiliation";    -- context.user.affiliation "owner" => moderator
        "muc_domain_mapper";
    }
    muc_room_default_public_jids = true

Component "lobby.visio.example.org" "muc"
    storage = "memory"
    restrict_room_creation = true
    muc_room_locking = false
    muc_room_default_public_jids = true
