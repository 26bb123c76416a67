package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.RequestSpec;
import org.brevet.tracker.api.Storage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by request, start-tracking, resubmit and rekey, and their translation into a {@link RequestSpec}. */
final class SpecOptions {
    @Mixin
    StorageOptions storage;

    @Mixin
    TemplateOptions template;

    @Option(names = {"-G", "--key-type"}, paramLabel = "TYPE", description = "Key type: RSA or EC.")
    String keyType;

    @Option(names = {"-g", "--key-size"}, paramLabel = "BITS", description = "RSA modulus or EC curve size (256, 384, 521).")
    Integer keySize;

    @Option(names = {"-r", "--renew"}, description = "Renew the certificate automatically (default).")
    boolean renew;

    @Option(names = {"-R", "--no-renew"}, description = "Do not renew the certificate automatically.")
    boolean noRenew;

    /** The spec; {@code id} is the new nickname (or null), {@code forcedCa} the wrapper's CA. */
    RequestSpec toSpec(String id, Optional<String> forcedCa, boolean newLocations, PrintWriter err) {
        if (newLocations) {
            storage.checkNss();
        }
        if (template.challengePassword != null || template.challengePasswordFile != null
                || template.msTemplateSpec != null) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "-l, -L and --ms-template-spec are not supported yet by this tracker.");
        }
        if (forcedCa.isPresent() && template.ca != null) {
            throw new BrevetException(ErrorKind.MALFORMED, "unrecognized option -c");
        }
        Storage key = newLocations ? storage.keyStorage(err) : null;
        Storage cert = newLocations ? storage.certStorage(err) : null;
        if (key != null && cert != null && key.type() == cert.type() && key.location() != null
                && key.location().equals(cert.location()) && !storage.isPkcs12() && !storage.isNss()) {
            throw new BrevetException(ErrorKind.MALFORMED, "Key and certificate can not both be saved to the same file.");
        }
        return new RequestSpec(id, forcedCa.orElse(template.ca), key, cert, storage.pinFile(err), storage.pin,
                keyType(), keySize, template.subject, template.dns, template.email, template.principal, template.ip,
                template.keyUsage, template.eku, template.profile, template.issuer,
                renew ? Boolean.TRUE : noRenew ? Boolean.FALSE : null, storage.preSave, storage.postSave,
                storage.caFiles(err), storage.keyOwner, StorageOptions.mode(storage.keyPerms, "-m"),
                storage.certOwner, StorageOptions.mode(storage.certPerms, "-M"), template.forCaFlag(),
                template.caPathLength);
    }

    private String keyType() {
        if (keyType == null) {
            return null;
        }
        String t = keyType.toUpperCase(Locale.ROOT);
        if (t.equals("ECDSA")) {
            t = "EC";
        }
        if (!t.equals("RSA") && !t.equals("EC")) {
            throw new BrevetException(ErrorKind.MALFORMED, "Unsupported key type \"" + keyType + "\": use RSA or EC.");
        }
        return t;
    }
}
