package org.brevet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.SubjectAltName;

/**
 * A new key pair and its CSR, made on this machine: the private key never leaves it. The key file is
 * written (atomically, mode 0600) before anything is sent, so a certificate the CA issues always has its
 * key; an existing key file is never overwritten.
 */
record NewKeyCsr(DistinguishedName subject, List<SubjectAltName> subjectAltNames, KeySpec keySpec, Path keyOut) {
    NewKeyCsr {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** Parses the command-line values; each bad one is a MALFORMED error naming its option. */
    static NewKeyCsr of(String subject, List<String> dns, List<String> ips, String keySpec, Path keyOut) {
        DistinguishedName dn = parse("--subject", () -> DistinguishedName.parse(subject));
        if (dn.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "--subject must not be empty");
        }
        List<SubjectAltName> sans = new ArrayList<>();
        dns.forEach(d -> sans.add(parse("--dns", () -> SubjectAltName.dns(d))));
        ips.forEach(ip -> sans.add(parse("--ip", () -> SubjectAltName.ip(ip))));
        KeySpec spec = parse("--key", () -> KeySpec.parse(keySpec));
        return new NewKeyCsr(dn, sans, spec, keyOut);
    }

    /** Generates the key, writes it to {@link #keyOut()} and returns the signed CSR. */
    Csr create(SecureRandom random) {
        if (Files.exists(keyOut)) {
            throw new BrevetException(ErrorKind.CONFLICT, "--key-out " + keyOut + " exists; not overwriting a private key");
        }
        KeyPair pair = keySpec.generate(random);
        Csr csr = new CsrBuilder().subject(subject).subjectAltNames(subjectAltNames).build(pair);
        PrivateKeys.write(keyOut, pair.getPrivate());
        return csr;
    }

    private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (BrevetException e) {
            throw new BrevetException(ErrorKind.MALFORMED, option + ": " + e.detail(), e);
        } catch (IllegalArgumentException e) {
            throw new BrevetException(ErrorKind.MALFORMED, option + ": " + e.getMessage(), e);
        }
    }
}
