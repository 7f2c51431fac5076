package fr.relais.hub.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted as attachments, each recognised by its first bytes: a file whose content does
 * not match the type it claims is refused, so nothing else (HTML, SVG, scripts) is ever served back.
 */
public enum FileType {
    PNG("image/png", Family.IMAGE),
    JPEG("image/jpeg", Family.IMAGE),
    GIF("image/gif", Family.IMAGE),
    WEBP("image/webp", Family.IMAGE),
    PDF("application/pdf", Family.DOCUMENT),
    MP4("video/mp4", Family.VIDEO),
    WEBM("video/webm", Family.VIDEO);

    public enum Family { IMAGE, DOCUMENT, VIDEO }

    /** How many leading bytes {@link #matches} needs. */
    static final int SNIFF_BYTES = 12;

    private final String mimeType;
    private final Family family;

    FileType(String mimeType, Family family) {
        this.mimeType = mimeType;
        this.family = family;
    }

    public String mimeType() {
        return mimeType;
    }

    public Family family() {
        return family;
    }

    public static Optional<FileType> ofMimeType(String mimeType) {
        if (mimeType == null) return Optional.empty();
        String bare = mimeType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mimeType.equals(bare)).findFirst();
    }

    /** True when {@code head} (the file's first bytes) looks like this type. */
    boolean matches(byte[] head) {
        return switch (this) {
            case PNG -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case JPEG -> startsWith(head, 0, 0xFF, 0xD8, 0xFF);
            case GIF -> startsWith(head, 0, 'G', 'I', 'F', '8');
            case WEBP -> startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P');
            case PDF -> startsWith(head, 0, '%', 'P', 'D', 'F', '-');
            case MP4 -> startsWith(head, 4, 'f', 't', 'y', 'p');
            case WEBM -> startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3);
        };
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
