package org.brevet.pki;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Turns the loose bags of a PKCS#12 file into entries: each key is matched to its certificate (by
 * localKeyId, else by public key), its chain is rebuilt by issuer names, and certificates that are no
 * key's own become trusted entries unless they only serve in a chain without a name of their own.
 */
final class Pkcs12Chains {
    private static final int MAX_CHAIN = 10;

    private Pkcs12Chains() {
    }

    static Pkcs12Store build(List<Pkcs12Codec.Bag<PrivateKeyInfo>> keys, List<Pkcs12Codec.Bag<Certificate>> certs, String source) {
        Map<String, Pkcs12Store.Entry> entries = new LinkedHashMap<>();
        Set<Certificate> leaves = new HashSet<>();
        Set<Certificate> inChains = new HashSet<>();
        for (Pkcs12Codec.Bag<PrivateKeyInfo> key : keys) {
            PrivateKey privateKey = PrivateKeys.fromPkcs8(key.value());
            Pkcs12Codec.Bag<Certificate> leaf = findLeaf(key, privateKey, certs).orElseThrow(() ->
                    new BrevetException(ErrorKind.MALFORMED, source + " has a private key without its certificate"));
            List<Certificate> chain = chain(leaf.value(), certs);
            leaves.add(leaf.value());
            inChains.addAll(chain.subList(1, chain.size()));
            String alias = key.friendlyName().or(leaf::friendlyName).orElse(leaf.value().subject().toString());
            entries.put(unique(alias, entries), new Pkcs12Store.KeyEntry(privateKey, chain));
        }
        for (Pkcs12Codec.Bag<Certificate> cert : certs) {
            if (leaves.contains(cert.value()) || (cert.friendlyName().isEmpty() && inChains.contains(cert.value()))) {
                continue;
            }
            String alias = cert.friendlyName().orElse(cert.value().subject().toString());
            entries.put(unique(alias, entries), new Pkcs12Store.TrustedEntry(cert.value()));
        }
        return Pkcs12Store.of(entries);
    }

    private static Optional<Pkcs12Codec.Bag<Certificate>> findLeaf(Pkcs12Codec.Bag<PrivateKeyInfo> key, PrivateKey privateKey,
            List<Pkcs12Codec.Bag<Certificate>> certs) {
        if (key.localKeyId().isPresent()) {
            for (Pkcs12Codec.Bag<Certificate> c : certs) {
                if (c.localKeyId().equals(key.localKeyId())) {
                    return Optional.of(c);
                }
            }
        }
        java.security.PublicKey publicKey = PrivateKeys.publicKeyOf(privateKey);
        return certs.stream().filter(c -> c.value().publicKey().equals(publicKey)).findFirst();
    }

    private static List<Certificate> chain(Certificate leaf, List<Pkcs12Codec.Bag<Certificate>> certs) {
        List<Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        Certificate current = leaf;
        while (!current.isSelfIssued() && chain.size() < MAX_CHAIN) {
            Certificate child = current;
            Optional<Certificate> issuer = certs.stream().map(Pkcs12Codec.Bag::value)
                    .filter(c -> !chain.contains(c) && c.subject().equals(child.issuer()))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return List.copyOf(chain);
    }

    private static String unique(String alias, Map<String, Pkcs12Store.Entry> entries) {
        String candidate = alias;
        for (int i = 2; entries.containsKey(candidate); i++) {
            candidate = alias + " #" + i;
        }
        return candidate;
    }
}
