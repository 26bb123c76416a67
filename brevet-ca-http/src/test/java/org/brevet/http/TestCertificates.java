package org.brevet.http;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.brevet.pki.Der;

/** Self-signed certificates standing for client certificates in route tests. */
final class TestCertificates {
    private TestCertificates() {
    }

    static X509Certificate selfSigned(String cn, long serial) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair pair = gen.generateKeyPair();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            X500Name name = new X500Name("O=Test,CN=" + cn);
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial), Date.from(now),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Der der(X509Certificate c) {
        try {
            return Der.of(c.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
