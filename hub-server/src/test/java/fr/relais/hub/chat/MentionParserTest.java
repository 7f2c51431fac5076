package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionParserTest {
    @Test
    void finds_usernames_and_whole_channel_mentions() {
        MentionParser.Mentions m = MentionParser.parse("@Alice et @hq-bob, voyez avec @channel. Merci @bruno.");
        assertThat(m.usernames()).containsExactly("alice", "hq-bob", "bruno");
        assertThat(m.channel()).isTrue();
    }

    @Test
    void ignores_email_addresses_and_lone_at_signs() {
        MentionParser.Mentions m = MentionParser.parse("écrire à contact@ps29.fr ou @ seul");
        assertThat(m.usernames()).isEmpty();
        assertThat(m.channel()).isFalse();
    }
}
