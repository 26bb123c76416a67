package org.brevet.protocol.cmc;

import java.math.BigInteger;
import org.brevet.pki.DistinguishedName;

/** A getCert control (RFC 5272 §6.9): return the certificate the issuer gave this serial. */
public record GetCertControl(DistinguishedName issuer, BigInteger serial) {
}
