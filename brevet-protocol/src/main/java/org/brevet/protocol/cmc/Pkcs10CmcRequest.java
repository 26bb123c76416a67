package org.brevet.protocol.cmc;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;

/** A TaggedCertificationRequest: a PKCS#10 with its body part id. */
public record Pkcs10CmcRequest(long bodyPartId, Csr csr) implements CmcCertRequest {
    public Pkcs10CmcRequest {
        Objects.requireNonNull(csr, "csr");
    }

    @Override
    public Optional<DistinguishedName> subject() {
        return Optional.of(csr.subject());
    }

    @Override
    public PublicKey publicKey() {
        return csr.publicKey();
    }

    @Override
    public Optional<Der> requestedSubjectKeyIdentifier() {
        return csr.requestedSubjectKeyIdentifier();
    }

    @Override
    public Optional<PopLinkWitness> popLinkWitness() {
        Attribute[] attrs = csr.toBc().getAttributes(CMCObjectIdentifiers.id_cmc_popLinkWitnessV2);
        if (attrs.length == 0) {
            return Optional.empty();
        }
        if (attrs[0].getAttrValues().size() != 1) {
            throw BrevetException.malformed("popLinkWitnessV2 attribute must have one value", null);
        }
        return Optional.of(ControlCodec.popLinkWitness(attrs[0].getAttrValues().getObjectAt(0)));
    }

    @Override
    public void verifyPop() {
        if (!csr.isSignatureValid()) {
            throw new BrevetException(ErrorKind.BAD_POP, "the signature of PKCS#10 request " + bodyPartId + " does not verify");
        }
    }

    @Override
    public String format() {
        return "pkcs10";
    }
}
