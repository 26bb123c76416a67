package org.brevet.protocol.cmc;

import java.util.List;
import java.util.Objects;
import org.brevet.pki.Der;

/** One TaggedAttribute as received: its body part id, attribute type (dotted OID) and DER values. */
public record CmcControl(long bodyPartId, String oid, List<Der> values) {
    public CmcControl {
        Objects.requireNonNull(oid, "oid");
        values = List.copyOf(values);
    }
}
