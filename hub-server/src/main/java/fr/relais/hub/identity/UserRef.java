package fr.relais.hub.identity;

/** The public face of a user as carried in messages and events. */
public record UserRef(String id, String username, String displayName, boolean bot) {
    public static UserRef of(User user) {
        return new UserRef(user.id(), user.username(), user.displayName(), user.isBot());
    }
}
