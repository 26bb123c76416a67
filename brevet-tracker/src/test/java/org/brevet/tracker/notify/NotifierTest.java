package org.brevet.tracker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierTest {
    @TempDir
    Path dir;

    @Test
    void commandMethod_getsTheMessageInCertmongerNotification() throws Exception {
        Path out = dir.resolve("note.txt");
        Notifier n = new Notifier(Notifier.Method.COMMAND, "/bin/sh -c 'printf %s \"$CERTMONGER_NOTIFICATION\" > " + out + "'",
                Map.of(), dir, System.out);

        n.send("Certificate in file \"/x.crt\" issued by CA and saved.");

        assertThat(Files.readString(out)).isEqualTo("Certificate in file \"/x.crt\" issued by CA and saved.");
    }

    @Test
    void stdoutMethod_printsTheMessage() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Notifier n = new Notifier(Notifier.Method.STDOUT, null, Map.of(), dir, new PrintStream(buf, true, StandardCharsets.UTF_8));

        n.send("hello");

        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void methodNames_acceptCertmongersSpellings() {
        assertThat(Notifier.Method.parse("mailto")).isEqualTo(Notifier.Method.MAIL);
        assertThat(Notifier.Method.parse("Syslog")).isEqualTo(Notifier.Method.SYSLOG);
    }
}
