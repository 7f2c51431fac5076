package fr.relais.hub.identity;

/**
 * What a person is in the party; decides what they may read, post and administer (see ChannelAccess,
 * where the whole role × channel kind × action table is written down).
 */
public enum Role {
    /** Runs the hub: users, channels, everything national. */
    NATIONAL_ADMIN,
    /** Permanent staff at HQ: the liaison with all 102 federations. */
    HQ_STAFF,
    /** Secrétaire national à la communication: HQ staff who also runs the national channels and announcements. */
    NATIONAL_COMMUNICATION_SECRETARY,
    /** Délégué régional: reads and posts in the channels of every federation of their region. */
    REGIONAL_DELEGATE,
    /** Secrétaire fédéral / referent: administers their own federation's channel and members, never another's. */
    FEDERATION_COORDINATOR,
    /** Militant: reads and posts in their federation's channel and the national ones. */
    MEMBER,
    /** Sympathisant or guest: only the channels they were invited to. */
    SYMPATHISANT,
    /** An automated account; reads and posts only where it was added. */
    BOT;

    /** National staff: read and post in every federation channel and in announcement channels. */
    public boolean isStaff() {
        return this == NATIONAL_ADMIN || this == HQ_STAFF || this == NATIONAL_COMMUNICATION_SECRETARY;
    }

    /** Roles that see no channel unless explicitly added to it. */
    public boolean isInviteOnly() {
        return this == SYMPATHISANT || this == BOT;
    }
}
