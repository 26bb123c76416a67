package org.brevet.protocol.cmc;

import java.io.IOException;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.DecryptedPOP;
import org.bouncycastle.asn1.cmc.GetCert;
import org.bouncycastle.asn1.cmc.IdentityProofV2;
import org.bouncycastle.asn1.cmc.PopLinkWitnessV2;
import org.bouncycastle.asn1.cmc.RevokeRequest;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.Secret;

/** Decodes and encodes the TaggedAttribute controls Brevet understands. */
final class ControlCodec {
    private ControlCodec() {
    }

    static CmcControls decode(TaggedAttribute[] attributes) {
        List<CmcControl> all = new ArrayList<>();
        Optional<String> identification = Optional.empty();
        Optional<IdentityProof> identityProof = Optional.empty();
        Optional<Der> popLinkRandom = Optional.empty();
        Optional<Der> senderNonce = Optional.empty();
        Optional<BigInteger> transactionId = Optional.empty();
        Optional<Der> dataReturn = Optional.empty();
        Optional<GetCertControl> getCert = Optional.empty();
        Optional<RevokeRequestControl> revoke = Optional.empty();
        Optional<Der> regInfo = Optional.empty();
        Optional<Der> responseInfo = Optional.empty();
        Optional<DecryptedPop> decryptedPop = Optional.empty();
        for (TaggedAttribute a : attributes) {
            ASN1ObjectIdentifier type = a.getAttrType();
            List<Der> values = new ArrayList<>();
            for (ASN1Encodable v : a.getAttrValues()) {
                values.add(der(v));
            }
            all.add(new CmcControl(a.getBodyPartID().getID(), type.getId(), values));
            if (a.getAttrValues().size() == 0) {
                throw BrevetException.malformed("control " + type.getId() + " has no value", null);
            }
            ASN1Encodable first = a.getAttrValues().getObjectAt(0);
            if (type.equals(CMCObjectIdentifiers.id_cmc_identification)) {
                identification = Optional.of(string(first, "identification"));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_identityProofV2)) {
                IdentityProofV2 p = IdentityProofV2.getInstance(first);
                identityProof = Optional.of(new IdentityProof(
                        MacAlgorithm.fromDigest(p.getProofAlgID()).orElseThrow(() -> unsupported("identityProofV2 hash", p.getProofAlgID().getAlgorithm())),
                        MacAlgorithm.fromHmac(p.getMacAlgId()).orElseThrow(() -> unsupported("identityProofV2 MAC", p.getMacAlgId().getAlgorithm())),
                        Der.of(p.getWitness())));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_popLinkRandom)) {
                popLinkRandom = Optional.of(octets(first));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_senderNonce)) {
                senderNonce = Optional.of(octets(first));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_transactionId)) {
                transactionId = Optional.of(ASN1Integer.getInstance(first).getValue());
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_dataReturn)) {
                dataReturn = Optional.of(octets(first));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_getCert)) {
                GetCert g = GetCert.getInstance(first);
                if (g.getIssuerName().getTagNo() != GeneralName.directoryName) {
                    throw BrevetException.malformed("getCert issuerName must be a directoryName", null);
                }
                getCert = Optional.of(new GetCertControl(DistinguishedName.of(X500Name.getInstance(g.getIssuerName().getName())),
                        g.getSerialNumber()));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_revokeRequest)) {
                revoke = Optional.of(revokeRequest(RevokeRequest.getInstance(first)));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_regInfo)) {
                regInfo = Optional.of(octets(first));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_responseInfo)) {
                responseInfo = Optional.of(octets(first));
            } else if (type.equals(CMCObjectIdentifiers.id_cmc_decryptedPOP)) {
                DecryptedPOP d = DecryptedPOP.getInstance(first);
                decryptedPop = Optional.of(new DecryptedPop(d.getBodyPartID().getID(), d.getThePOPAlgID().getAlgorithm().getId(),
                        Der.of(d.getThePOP())));
            }
        }
        return new CmcControls(all, identification, identityProof, popLinkRandom, senderNonce, transactionId, dataReturn,
                getCert, revoke, regInfo, responseInfo, decryptedPop);
    }

    static PopLinkWitness popLinkWitness(ASN1Encodable value) {
        PopLinkWitnessV2 w = PopLinkWitnessV2.getInstance(value);
        return new PopLinkWitness(
                MacAlgorithm.fromDigest(w.getKeyGenAlgorithm()).orElseThrow(() -> unsupported("popLinkWitnessV2 keyGen", w.getKeyGenAlgorithm().getAlgorithm())),
                MacAlgorithm.fromHmac(w.getMacAlgorithm()).orElseThrow(() -> unsupported("popLinkWitnessV2 MAC", w.getMacAlgorithm().getAlgorithm())),
                Der.of(w.getWitness()));
    }

    private static RevokeRequestControl revokeRequest(RevokeRequest r) {
        Optional<java.time.Instant> invalidity = Optional.empty();
        ASN1GeneralizedTime t = r.getInvalidityDate();
        if (t != null) {
            try {
                invalidity = Optional.of(t.getDate().toInstant());
            } catch (ParseException e) {
                throw BrevetException.malformed("bad invalidityDate in revokeRequest", e);
            }
        }
        byte[] pass = r.getPassPhrase();
        return new RevokeRequestControl(DistinguishedName.of(r.getName()), r.getSerialNumber(), r.getReason().getValue().intValueExact(),
                invalidity, Optional.ofNullable(pass).map(p -> Secret.of(new String(p, java.nio.charset.StandardCharsets.UTF_8))),
                Optional.ofNullable(r.getCommentUTF8()).map(ASN1String::getString));
    }

    static TaggedAttribute attribute(long bodyPartId, ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new TaggedAttribute(new BodyPartID(bodyPartId), type, new DERSet(value));
    }

    static Der der(ASN1Encodable value) {
        try {
            return Der.of(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode", e);
        }
    }

    private static Der octets(ASN1Encodable v) {
        return Der.of(ASN1OctetString.getInstance(v).getOctets());
    }

    private static String string(ASN1Encodable v, String what) {
        if (v instanceof ASN1String s) {
            return s.getString();
        }
        throw BrevetException.malformed(what + " is not a string", null);
    }

    private static BrevetException unsupported(String what, ASN1ObjectIdentifier oid) {
        return BrevetException.malformed("unsupported " + what + " algorithm " + oid.getId(), null);
    }
}
