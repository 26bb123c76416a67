package org.brevet.protocol.cmc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;
import org.brevet.pki.Signer;

/** Wraps CMC content in a DER SignedData signed by one signer (RFC 5272 §3.2.1.3, RFC 5652 §5). */
final class CmsSigning {
    private CmsSigning() {
    }

    static Der sign(ASN1ObjectIdentifier contentType, Der content, Signer signer, Certificate certificate, List<Certificate> chain) {
        try {
            SignerInfoGenerator info = builder().build(signer.contentSigner(), certificate.toBc());
            List<Certificate> all = new ArrayList<>();
            if (!chain.contains(certificate)) {
                all.add(certificate);
            }
            all.addAll(chain);
            return generate(contentType, content, info, all);
        } catch (OperatorCreationException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot sign the CMC message", e);
        }
    }

    static Der signBySki(ASN1ObjectIdentifier contentType, Der content, Signer signer, Der subjectKeyIdentifier) {
        try {
            SignerInfoGenerator info = builder().build(signer.contentSigner(), subjectKeyIdentifier.bytes());
            return generate(contentType, content, info, List.of());
        } catch (OperatorCreationException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot sign the CMC message", e);
        }
    }

    private static SignerInfoGeneratorBuilder builder() throws OperatorCreationException {
        return new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bc()).build());
    }

    private static Der generate(ASN1ObjectIdentifier contentType, Der content, SignerInfoGenerator info, List<Certificate> certs) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(info);
            List<X509CertificateHolder> holders = new ArrayList<>();
            for (Certificate c : certs) {
                holders.add(c.toBc());
            }
            if (!holders.isEmpty()) {
                gen.addCertificates(new CollectionStore<>(holders));
            }
            return Der.of(gen.generate(new CMSProcessableByteArray(contentType, content.bytes()), true)
                    .toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (CMSException | IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot sign the CMC message", e);
        }
    }

}
