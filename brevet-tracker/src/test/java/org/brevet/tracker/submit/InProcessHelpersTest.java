package org.brevet.tracker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessHelpersTest {
    @TempDir
    Path home;

    private final String before = System.getProperty("brevet.home");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("brevet.home");
        } else {
            System.setProperty("brevet.home", before);
        }
    }

    @Test
    void onlyThisInstallationsBrevetSubmit_runsInProcess_alsoThroughASymlink() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path own = Files.writeString(bin.resolve("brevet-submit"), "#!/bin/sh\n");
        Path link = Files.createSymbolicLink(home.resolve("brevet-submit"), own);
        Path elsewhere = Files.writeString(Files.createDirectories(home.resolve("other")).resolve("brevet-submit"), "#!/bin/sh\n");
        System.setProperty("brevet.home", home.toString());

        assertThat(InProcessHelpers.isOwnBrevetSubmit(own.toString())).isTrue();
        assertThat(InProcessHelpers.isOwnBrevetSubmit(link.toString())).isTrue();
        assertThat(InProcessHelpers.isOwnBrevetSubmit(elsewhere.toString())).isFalse();
        assertThat(InProcessHelpers.isOwnBrevetSubmit("/usr/libexec/certmonger/dogtag-submit")).isFalse();
        assertThat(InProcessHelpers.run(List.of("/bin/sh", own.toString()), Map.of())).isEmpty();
    }

    @Test
    void withoutAnInstallation_nothingRunsInProcess() throws Exception {
        System.clearProperty("brevet.home");
        assertThat(InProcessHelpers.isOwnBrevetSubmit(home.resolve("bin/brevet-submit").toString())).isFalse();
    }

    @Test
    void inProcess_speaksTheHelperProtocol_exitCodesAndStdout() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path own = Files.writeString(bin.resolve("brevet-submit"), "#!/bin/sh\n");
        System.setProperty("brevet.home", home.toString());

        var identify = InProcessHelpers.run(List.of(own.toString(), "--url", "https://ca.example.test:8443"),
                Map.of("CERTMONGER_OPERATION", "IDENTIFY")).orElseThrow();
        assertThat(identify.exitCode()).isZero();
        assertThat(identify.stdout()).contains("Brevet CA at https://ca.example.test:8443");
        var unsupported = InProcessHelpers.run(List.of(own.toString()), Map.of("CERTMONGER_OPERATION", "FETCH-SCEP-CA-CAPS"))
                .orElseThrow();
        assertThat(unsupported.exitCode()).isEqualTo(6);
        var badOption = InProcessHelpers.run(List.of(own.toString(), "--no-such-option"), Map.of("CERTMONGER_OPERATION", "SUBMIT"))
                .orElseThrow();
        assertThat(badOption.exitCode()).isEqualTo(4);
        assertThat(badOption.stdout()).contains("--no-such-option");
    }
}
