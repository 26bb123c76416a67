package org.brevet.server;

import java.util.List;
import org.brevet.ca.CaIdentity;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;

/**
 * The instance's key token: {@code alias/keys.p12}, a PKCS#12 file protected by the PIN that
 * {@code conf/password.conf} holds as {@code internal=...}, with one key entry per system certificate under
 * Dogtag's nicknames.
 */
public final class KeyToken {
    public static final String CA_SIGNING = "caSigningCert";
    public static final String OCSP_SIGNING = "ocspSigningCert";
    public static final String AUDIT_SIGNING = "auditSigningCert";
    public static final String SUBSYSTEM = "subsystemCert";
    public static final String SERVER = "Server-Cert";

    private final Pkcs12Store store;
    private final String source;

    private KeyToken(Pkcs12Store store, String source) {
        this.store = store;
        this.source = source;
    }

    /** Opens the instance's token with the PIN from password.conf. */
    public static KeyToken open(InstanceLayout layout) {
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        return new KeyToken(Pkcs12Store.read(layout.keyToken(), pin), layout.keyToken().toString());
    }

    /** The key entry under the nickname; MALFORMED naming the token if it is missing. */
    public Pkcs12Store.KeyEntry entry(String nickname) {
        return store.keyEntry(nickname).orElseThrow(() ->
                BrevetException.malformed(source + ": no key entry '" + nickname + "'", null));
    }

    /** The key entry under the nickname, if the token has one. */
    public java.util.Optional<Pkcs12Store.KeyEntry> keyEntry(String nickname) {
        return store.keyEntry(nickname);
    }

    /** The CA signing key and its chain (CA certificate first). */
    public CaIdentity caIdentity() {
        Pkcs12Store.KeyEntry ca = entry(CA_SIGNING);
        return new CaIdentity(ca.signer(), ca.certificate(), List.copyOf(ca.chain()));
    }
}
