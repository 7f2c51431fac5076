package fr.relais.hub.files;

import fr.relais.hub.identity.User;

/**
 * Another way a file may be readable than "uploader, or reader of its channel": a feature that lets
 * people attach files to its own things (support tickets) says who may download them.
 */
public interface FileAccessRule {
    boolean allows(User user, StoredFile file);
}
