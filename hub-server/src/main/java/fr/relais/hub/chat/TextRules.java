package fr.relais.hub.chat;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import org.springframework.stereotype.Component;

/** What a message text must be: not blank, not longer than the configured limit. */
@Component
class TextRules {
    private final ChatLimits limits;

    TextRules(ChatLimits limits) {
        this.limits = limits;
    }

    String check(String text) {
        if (text == null || text.isBlank()) throw new RelaisException(ErrorCode.TEXT_EMPTY, "The message is empty");
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > limits.messageMaxChars()) {
            throw new RelaisException(ErrorCode.TEXT_TOO_LONG,
                    "The message is longer than " + limits.messageMaxChars() + " characters");
        }
        return trimmed;
    }
}
