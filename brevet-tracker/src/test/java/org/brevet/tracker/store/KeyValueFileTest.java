package org.brevet.tracker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueFileTest {

    @Test
    void multiLineValues_continueWithOneLeadingSpace_andRoundTrip() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("id", "web1");
        in.put("cert", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        in.put("ca_error", "first\n\nthird");

        String text = KeyValueFile.format(in);

        assertThat(text).isEqualTo("id=web1\ncert=-----BEGIN CERTIFICATE-----\n MIIB\n -----END CERTIFICATE-----\n"
                + "ca_error=first\n \n third\n");
        assertThat(KeyValueFile.parse(text)).containsEntry("cert", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                .containsEntry("ca_error", "first\n\nthird").containsEntry("id", "web1");
    }

    @Test
    void reader_skipsCommentsBlankLinesAndJunk() {
        assertThat(KeyValueFile.parse("# comment\n\njunk line\nid=x\r\n=novalue\nstate=MONITORING"))
                .containsExactly(Map.entry("id", "x"), Map.entry("state", "MONITORING"));
    }
}
