package fr.relais.hub.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What it takes to create an account. */
public record NewUser(String username, String displayName, @Nullable String federation, Set<Role> roles,
                      String password) {
}
