package org.brevet.server;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.naming.ldap.Rdn;
import org.brevet.ca.Authority;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.pki.Certificate;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.protocol.scep.RaKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCEP registration authority's key and certificate, {@code scepRaCert} in the key token: RSA 2048
 * whatever the CA key (SCEP clients encrypt to it with RSA key transport), issued by the CA under
 * caServerCert (digitalSignature and keyEncipherment). {@code ca init} creates it; {@code serve} creates it
 * when an older instance lacks it.
 */
final class ScepRaCertificate {
    static final String NICKNAME = "scepRaCert";
    static final String PROFILE = "caServerCert";
    private static final Logger LOG = LoggerFactory.getLogger(ScepRaCertificate.class);

    private ScepRaCertificate() {
    }

    static SystemCertificates.Spec spec(DistinguishedName caSubject) {
        String org = caSubject.values("O").stream().findFirst().map(o -> ",O=" + Rdn.escapeValue(o)).orElse("");
        return new SystemCertificates.Spec(NICKNAME, PROFILE,
                DistinguishedName.parse("CN=SCEP Registration Authority" + org), KeySpec.RSA_2048, List.of());
    }

    /** The RA key from the token, issuing it and adding it to the token file first if it is missing. */
    static RaKey ensure(InstanceLayout layout, KeyToken token, Authority authority, CaIdentity identity, SecureRandom random) {
        return token.find(NICKNAME).map(ScepRaCertificate::raKey).orElseGet(() -> {
            SystemCertificates.Spec spec = spec(identity.certificate().subject());
            KeyPair pair = spec.key().generate(random);
            CertificateRecord issued = authority.issueSystemCertificate(spec.profileId(), spec.subject(), pair.getPublic(),
                    spec.sans());
            List<Certificate> chain = new ArrayList<>();
            chain.add(Certificate.fromDer(issued.der()));
            chain.addAll(identity.chain());
            Pkcs12Store.KeyEntry entry = new Pkcs12Store.KeyEntry(pair.getPrivate(), chain);
            Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
            Pkcs12Store.read(layout.keyToken(), pin).with(NICKNAME, entry).write(layout.keyToken(), pin, random);
            LOG.info("SCEP RA certificate {} issued and added to {}", issued.serial(), layout.keyToken());
            return raKey(entry);
        });
    }

    private static RaKey raKey(Pkcs12Store.KeyEntry entry) {
        return new RaKey(entry.privateKey(), entry.certificate());
    }
}
