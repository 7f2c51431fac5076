package fr.relais.hub.identity;

/** What a person is in the party; decides what they may read, post and administer (see ChannelAccess). */
public enum Role {
    /** Runs the hub: users, channels, everything national. */
    NATIONAL_ADMIN,
    /** Permanent staff at HQ: the liaison with all 102 federations. */
    HQ_STAFF,
    /** Secrétaire fédéral / referent: administers their own federation's channel. */
    FEDERATION_COORDINATOR,
    /** Militant: reads and posts in their federation's channel and the national ones. */
    MEMBER,
    /** An automated account; reads and posts only where it was added. */
    BOT;

    public boolean isStaff() {
        return this == NATIONAL_ADMIN || this == HQ_STAFF;
    }
}
