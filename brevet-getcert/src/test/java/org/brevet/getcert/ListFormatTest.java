package org.brevet.getcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.brevet.tracker.api.CaInfo;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Storage;
import org.junit.jupiter.api.Test;

/** The text must be certmonger 0.79.17's, byte for byte (reference certmonger.md §3.1 and §3.2 examples). */
class ListFormatTest {
    private final ListFormat format = new ListFormat(ZoneId.of("UTC"));

    @Test
    void monitoredRequest_printsExactlyAsCertmonger() {
        RequestInfo web1 = new RequestInfo("web1", RequestState.MONITORING, null, Storage.file("/d/certs/x.key"), false,
                null, Storage.file("/d/certs/x.crt"), "local", "CN=e86f45d1-088a476c-93b96908-925f26dd,CN=Local Signing Authority",
                "CN=web1.example.test", "01", Instant.parse("2026-11-23T18:42:11Z"), Instant.parse("2027-11-23T18:42:04Z"),
                List.of("admin@example.test"), List.of("web1.example.test", "www.example.test"), List.of(), List.of(),
                List.of("digitalSignature", "keyEncipherment"), List.of("id-kp-serverAuth"), null, null,
                "/bin/sh -c 'env > /d/certs/pre.env; id >> /d/certs/pre.env'",
                "/bin/sh -c 'env > /d/certs/post.env; id >> /d/certs/post.env'", null, true, true, null);

        assertThat(format.requests(List.of(web1))).isEqualTo("""
                Number of certificates and requests being tracked: 1.
                Request ID 'web1':
                \tstatus: MONITORING
                \tstuck: no
                \tkey pair storage: type=FILE,location='/d/certs/x.key'
                \tcertificate: type=FILE,location='/d/certs/x.crt'
                \tCA: local
                \tissuer: CN=e86f45d1-088a476c-93b96908-925f26dd,CN=Local Signing Authority
                \tsubject: CN=web1.example.test
                \tissued: 2026-11-23 18:42:11 UTC
                \texpires: 2027-11-23 18:42:04 UTC
                \temail: admin@example.test
                \tdns: web1.example.test,www.example.test
                \tkey usage: digitalSignature,keyEncipherment
                \teku: id-kp-serverAuth
                \tpre-save command: /bin/sh -c 'env > /d/certs/pre.env; id >> /d/certs/pre.env'
                \tpost-save command: /bin/sh -c 'env > /d/certs/post.env; id >> /d/certs/post.env'
                \ttrack: yes
                \tauto-renew: yes
                """);
    }

    @Test
    void rejectedRequest_keepsTrailingSpacesOfEmptyFields() {
        RequestInfo req2 = new RequestInfo("req2", RequestState.CA_REJECTED, "Request denied by policy (test)",
                Storage.file("/d/certs/m2.key"), false, null, Storage.file("/d/certs/m2.crt"), "Tm2", null, null, null,
                null, null, null, null, null, null, null, null, "caUserCert", null, null, null, null, true, true, null);

        assertThat(format.requests(List.of(req2))).isEqualTo("Number of certificates and requests being tracked: 1.\n"
                + "Request ID 'req2':\n\tstatus: CA_REJECTED\n\tca-error: Request denied by policy (test)\n\tstuck: yes\n"
                + "\tkey pair storage: type=FILE,location='/d/certs/m2.key'\n\tcertificate: type=FILE,location='/d/certs/m2.crt'\n"
                + "\tCA: Tm2\n\tissuer: \n\tsubject: \n\tissued: unknown\n\texpires: unknown\n\tprofile: caUserCert\n"
                + "\tpre-save command: \n\tpost-save command: \n\ttrack: yes\n\tauto-renew: yes\n");
    }

    @Test
    void ipAddresses_andPinFile_areShown() {
        RequestInfo r = new RequestInfo("ip", RequestState.MONITORING, null, Storage.file("/k"), false, "/pin",
                Storage.file("/c"), null, "CN=ca", "CN=x", "01", null, null, null, null, null,
                List.of("127.0.0.1", "::1"), null, null, null, null, null, null, "post-save command exited with status 3",
                true, false, null);

        assertThat(format.requests(List.of(r)))
                .contains("\tkey pair storage: type=FILE,location='/k',pinfile='/pin'\n")
                .contains("\tIP address: 127.0.0.1,::1\n")
                .contains("\tsave command error: post-save command exited with status 3\n\ttrack: yes\n\tauto-renew: no\n");
    }

    @Test
    void listCas_printsExactlyAsCertmonger() {
        List<CaInfo> cas = List.of(
                new CaInfo("SelfSign", null, false, "INTERNAL:SELF", null, "01", null, null, null, null, null, null),
                new CaInfo("IPA", null, false, "EXTERNAL", "/usr/lib/certmonger/ipa-submit", null, null, null, null, null,
                        null, null));

        assertThat(format.cas(cas, false)).isEqualTo("CA 'SelfSign':\n\tis-default: no\n\tca-type: INTERNAL:SELF\n"
                + "\tnext-serial-number: 01\nCA 'IPA':\n\tis-default: no\n\tca-type: EXTERNAL\n"
                + "\thelper-location: /usr/lib/certmonger/ipa-submit\n");
    }

    @Test
    void listCasVerbose_showsIdentityDefaultProfileAndConfigPath() {
        CaInfo ca = new CaInfo("TestCA", "test-helper 1.0", false, "EXTERNAL", "/d/helper.sh -x arg1", null, null,
                "caServerCert", null, null, null, "/d/cas/TestCA");

        assertThat(format.cas(List.of(ca), true)).isEqualTo("CA 'TestCA':\n\tself-identifies as: test-helper 1.0\n"
                + "\tis-default: no\n\tca-type: EXTERNAL\n\thelper-location: /d/helper.sh -x arg1\n"
                + "\tdefault profile/template/certtype: caServerCert\n\tconfig-path: /d/cas/TestCA\n");
    }
}
