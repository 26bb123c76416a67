package org.brevet.ca.crl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.Time;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.RevokedEntry;

/**
 * The DER of the revokedCertificates entries, written one by one to a temporary file as the store streams
 * them, so that memory stays flat however many certificates are revoked. Counts entries and bytes.
 */
final class EntrySpool implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private long count;
    private long bytes;

    EntrySpool(Path directory) throws IOException {
        this.file = Files.createTempFile(directory, "crl-entries", ".der");
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    void add(RevokedEntry entry) {
        byte[] der = encode(entry);
        try {
            out.write(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
        bytes += der.length;
    }

    /** One CRL entry (RFC 5280 §5.1.2.6): serial, revocationDate, reasonCode (not for unspecified) and invalidityDate. */
    static byte[] encode(RevokedEntry entry) {
        try {
            ASN1EncodableVector v = new ASN1EncodableVector(3);
            v.add(new ASN1Integer(entry.serial().value()));
            v.add(new Time(Date.from(entry.revokedAt())));
            ExtensionsGenerator g = new ExtensionsGenerator();
            if (entry.reason() != RevocationReason.UNSPECIFIED) {
                g.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason().code()));
            }
            if (entry.invalidityDate().isPresent()) {
                g.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(entry.invalidityDate().get())));
            }
            if (!g.isEmpty()) {
                v.add(g.generate());
            }
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes writing; call before {@link #copyTo}. */
    void finish() throws IOException {
        out.close();
    }

    void copyTo(OutputStream target) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(target);
        }
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
