package org.brevet.ca.crl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentSigner;
import org.brevet.pki.Signer;

/**
 * Writes a signed CertificateList (RFC 5280 §5.1) around spooled entries without holding them in memory:
 * the small TBSCertList prefix and suffix are encoded here, the entries are streamed from the spool twice
 * (once into the signature, once into the output), and the lengths are known up front from the spool.
 */
final class CrlAssembler {
    private CrlAssembler() {
    }

    /** Returns the number of bytes written. */
    static long write(X500Name issuer, Instant thisUpdate, Instant nextUpdate, Extensions extensions, EntrySpool entries,
            Signer signer, OutputStream out) throws IOException {
        byte[] prefix = concat(
                new ASN1Integer(1).getEncoded(ASN1Encoding.DER),
                signer.algorithmIdentifier().getEncoded(ASN1Encoding.DER),
                issuer.getEncoded(ASN1Encoding.DER),
                new Time(Date.from(thisUpdate)).getEncoded(ASN1Encoding.DER),
                new Time(Date.from(nextUpdate)).getEncoded(ASN1Encoding.DER));
        // RFC 5280 §5.1.2.6: with no revoked certificates the list is absent, not empty
        byte[] revokedHeader = entries.count() == 0 ? new byte[0] : DerOutput.header(DerOutput.SEQUENCE, entries.bytes());
        byte[] suffix = new DERTaggedObject(true, 0, extensions).getEncoded(ASN1Encoding.DER);
        long tbsContent = prefix.length + revokedHeader.length + entries.bytes() + suffix.length;
        byte[] tbsHeader = DerOutput.header(DerOutput.SEQUENCE, tbsContent);

        ContentSigner cs = signer.contentSigner();
        try (OutputStream sig = new BufferedOutputStream(cs.getOutputStream(), 1 << 16)) {
            writeTbs(sig, tbsHeader, prefix, revokedHeader, entries, suffix);
        }
        byte[] algorithm = signer.algorithmIdentifier().getEncoded(ASN1Encoding.DER);
        byte[] signature = new DERBitString(cs.getSignature()).getEncoded(ASN1Encoding.DER);
        long tbsLength = tbsHeader.length + tbsContent;
        byte[] outer = DerOutput.header(DerOutput.SEQUENCE, tbsLength + algorithm.length + signature.length);

        out.write(outer);
        writeTbs(out, tbsHeader, prefix, revokedHeader, entries, suffix);
        out.write(algorithm);
        out.write(signature);
        return outer.length + tbsLength + algorithm.length + signature.length;
    }

    private static void writeTbs(OutputStream out, byte[] tbsHeader, byte[] prefix, byte[] revokedHeader,
            EntrySpool entries, byte[] suffix) throws IOException {
        out.write(tbsHeader);
        out.write(prefix);
        out.write(revokedHeader);
        entries.copyTo(out);
        out.write(suffix);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
