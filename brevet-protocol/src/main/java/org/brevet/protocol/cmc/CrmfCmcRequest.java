package org.brevet.protocol.cmc;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.protocol.crmf.CrmfRequest;

/** A CRMF CertReqMsg inside a PKIData; its certReqId plays the body part id. */
public record CrmfCmcRequest(CrmfRequest crmf) implements CmcCertRequest {
    public CrmfCmcRequest {
        Objects.requireNonNull(crmf, "crmf");
    }

    @Override
    public long bodyPartId() {
        return crmf.certReqId().longValueExact();
    }

    @Override
    public Optional<DistinguishedName> subject() {
        return crmf.subject();
    }

    @Override
    public PublicKey publicKey() {
        return crmf.publicKey();
    }

    @Override
    public Optional<Der> requestedSubjectKeyIdentifier() {
        return crmf.requestedSubjectKeyIdentifier();
    }

    @Override
    public Optional<PopLinkWitness> popLinkWitness() {
        return crmf.control(CMCObjectIdentifiers.id_cmc_popLinkWitnessV2.getId()).map(der -> {
            try {
                return ControlCodec.popLinkWitness(ASN1Primitive.fromByteArray(der.bytes()));
            } catch (java.io.IOException e) {
                throw BrevetException.malformed("bad popLinkWitnessV2 control", e);
            }
        });
    }

    @Override
    public void verifyPop() {
        crmf.verifySignaturePop();
    }

    @Override
    public String format() {
        return "crmf";
    }
}
