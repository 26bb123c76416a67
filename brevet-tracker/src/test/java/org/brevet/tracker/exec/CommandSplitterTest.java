package org.brevet.tracker.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brevet.pki.BrevetException;
import org.junit.jupiter.api.Test;

class CommandSplitterTest {

    @Test
    void quotesAndEscapes_areHonoured_withoutAShell() {
        assertThat(CommandSplitter.split("/bin/sh -c 'env > /tmp/x; id' \"a \\\"b\\\"\" c\\ d $HOME"))
                .containsExactly("/bin/sh", "-c", "env > /tmp/x; id", "a \"b\"", "c d", "$HOME");
    }

    @Test
    void unbalancedQuote_orEmptyCommand_isMalformed() {
        assertThatThrownBy(() -> CommandSplitter.split("/bin/echo 'oops")).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> CommandSplitter.split("   ")).isInstanceOf(BrevetException.class);
    }
}
