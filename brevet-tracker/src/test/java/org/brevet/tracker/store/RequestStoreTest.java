package org.brevet.tracker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.state.CertFacts;
import org.brevet.tracker.state.CsrTemplate;
import org.brevet.tracker.state.Progress;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.TrackedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestStoreTest {
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBAQ==\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    static TrackedRequest sample(String id) {
        CsrTemplate t = new CsrTemplate("CN=web1,O=Example", List.of("web1.example.test", "www.example.test"),
                List.of("admin@example.test"), List.of(), List.of("127.0.0.1"), List.of("digitalSignature"),
                List.of("id-kp-serverAuth"), "caServerCert", null, false, -1);
        RequestSettings s = new RequestSettings("local", Storage.file("/etc/pki/web1.key"),
                Storage.file("/etc/pki/web1.crt"), "/etc/pki/pin.txt", "EC", 256, t, true, true,
                "/bin/sh -c 'echo pre'", "systemctl reload nginx", List.of("/etc/pki/ca.crt"), "root:www", 0640,
                null, 0644);
        CertFacts c = new CertFacts("CN=Local Signing Authority", "CN=web1,O=Example", "0A1B",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                List.of("web1.example.test"), List.of(), List.of(), List.of("127.0.0.1"), List.of("digitalSignature"),
                List.of("id-kp-serverAuth"));
        Progress p = new Progress("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
                PEM, List.of(PEM), "cookie 1", "line one\nline two", "post-save exited 3", 2, 1, true,
                Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z"), null, "09");
        return new TrackedRequest(id, RequestState.CA_UNREACHABLE, s, c, p);
    }

    @Test
    void saveThenLoad_returnsTheSameRequest_inAPrivateFile() throws Exception {
        RequestStore store = new RequestStore(dir);
        TrackedRequest r = sample("web1");

        store.save(r);

        assertThat(store.loadAll().loaded()).containsExactly(r);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf("web1")))).isEqualTo("rw-------");
        try (var files = Files.list(dir.resolve("requests"))) {
            assertThat(files).containsExactly(store.fileOf("web1"));
        }
    }

    @Test
    void fileFormat_isCertmongerLikeKeyValue_matchingGolden() throws Exception {
        RequestStore store = new RequestStore(dir);
        store.save(sample("web1"));

        String text = Files.readString(store.fileOf("web1"), StandardCharsets.UTF_8);

        Path golden = Path.of("src/test/resources/golden/request-file.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text);
        }
        assertThat(text).isEqualTo(Files.readString(golden));
        assertThat(text).doesNotContain("key_pin=");
    }

    @Test
    void brokenFile_isReported_othersStillLoad() throws Exception {
        RequestStore store = new RequestStore(dir);
        store.save(sample("good"));
        Files.writeString(dir.resolve("requests/bad"), "id=bad\nstate=NOT_A_STATE\n");
        Files.writeString(dir.resolve("requests/noise"), "this is not a request file at all\n");
        Files.writeString(dir.resolve("requests/.good.123.tmp"), "id=half\n");

        LoadResult<TrackedRequest> result = store.loadAll();

        assertThat(result.loaded()).extracting(TrackedRequest::id).containsExactly("good");
        assertThat(result.broken()).extracting(b -> b.file().getFileName().toString())
                .containsExactlyInAnyOrder("bad", "noise");
        assertThat(result.broken()).extracting(LoadResult.Broken::reason)
                .containsExactlyInAnyOrder("unknown state NOT_A_STATE", "missing field id");
    }

    @Test
    void idWithSlashes_cannotEscapeTheDirectory() {
        RequestStore store = new RequestStore(dir);

        store.save(sample("../../etc/passwd"));

        assertThat(store.fileOf("../../etc/passwd").getParent()).isEqualTo(dir.resolve("requests"));
        assertThat(store.loadAll().loaded()).extracting(TrackedRequest::id).containsExactly("../../etc/passwd");
    }

    @Test
    void delete_removesTheFile() {
        RequestStore store = new RequestStore(dir);
        store.save(sample("web1"));

        store.delete("web1");

        assertThat(store.loadAll().loaded()).isEmpty();
    }
}
