package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFilesTest {
    @TempDir
    Path dir;

    @Test
    void singlePassword_isTheFirstLineWithoutItsEnding() throws Exception {
        Path f = Files.writeString(dir.resolve("pw"), "s3cret with spaces \r\nsecond line\n");

        assertThat(PasswordFiles.readSingle(f).reveal()).isEqualTo("s3cret with spaces ");
    }

    @Test
    void emptyPasswordFile_isAnErrorNamingIt() throws Exception {
        Path f = Files.writeString(dir.resolve("pw"), "\n");

        assertThatThrownBy(() -> PasswordFiles.readSingle(f)).hasMessage(f + ": the password file is empty");
    }

    @Test
    void passwordConf_entryIsFoundByName() throws Exception {
        Path f = Files.writeString(dir.resolve("password.conf"), "# token PINs\ninternal=a=b\nhardware-x=y\n");

        assertThat(PasswordFiles.readEntry(f, "internal").reveal()).isEqualTo("a=b");
        assertThatThrownBy(() -> PasswordFiles.readEntry(f, "other")).hasMessage(f + ": no 'other=' entry");
    }

    @Test
    void missingFile_isNamed() {
        assertThatThrownBy(() -> PasswordFiles.readSingle(dir.resolve("nope"))).hasMessage(dir.resolve("nope") + ": no such file");
    }
}
