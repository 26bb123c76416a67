package org.brevet.protocol.scep;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cms.Attribute;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.Der;

/**
 * Server side of RFC 8894 §3.3.2: the CertRep, signed by the RA with SHA-256, echoing the transactionID and
 * the request's senderNonce as recipientNonce, with a fresh senderNonce. SUCCESS carries a degenerate
 * certs-only PKCS#7 of the issued certificate, encrypted to the requester's signing certificate with AES.
 * Thread-safe.
 */
public final class CertRepBuilder {
    private static final int NONCE_BYTES = 16;

    private final RaKey ra;
    private final SecureRandom random;
    private final Clock clock;

    public CertRepBuilder(RaKey ra, SecureRandom random, Clock clock) {
        this.ra = ra;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param requester the certificate the request was signed with (the reply is encrypted to its key)
     * @param cipher    the request's cipher; the reply uses it when it is AES, AES-256 otherwise
     */
    public Der success(Transaction request, Certificate requester, ContentCipher cipher, List<Certificate> issued) {
        ContentCipher reply = cipher.isAes() ? cipher : ContentCipher.AES_256_CBC;
        Der certsOnly = CertificateBundle.toPkcs7(issued);
        Der envelope = ScepSigning.envelope(certsOnly, requester, reply);
        return ScepSigning.sign(envelope, ra.signer(), ra.certificate(), attributes(request, PkiStatus.SUCCESS, null),
                clock.instant());
    }

    public Der failure(Transaction request, FailInfo failInfo) {
        return ScepSigning.sign(Der.of(new byte[0]), ra.signer(), ra.certificate(),
                attributes(request, PkiStatus.FAILURE, failInfo), clock.instant());
    }

    public Der pending(Transaction request) {
        return ScepSigning.sign(Der.of(new byte[0]), ra.signer(), ra.certificate(),
                attributes(request, PkiStatus.PENDING, null), clock.instant());
    }

    private List<Attribute> attributes(Transaction request, PkiStatus status, FailInfo failInfo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(ScepSigning.printable(ScepOids.MESSAGE_TYPE, Integer.toString(MessageType.CERT_REP.code())));
        attributes.add(ScepSigning.printable(ScepOids.TRANSACTION_ID, request.transactionId()));
        attributes.add(ScepSigning.printable(ScepOids.PKI_STATUS, Integer.toString(status.code())));
        if (failInfo != null) {
            attributes.add(ScepSigning.printable(ScepOids.FAIL_INFO, Integer.toString(failInfo.code())));
        }
        attributes.add(ScepSigning.octets(ScepOids.SENDER_NONCE, Der.of(nonce)));
        attributes.add(ScepSigning.octets(ScepOids.RECIPIENT_NONCE, request.senderNonce()));
        return attributes;
    }
}
