package org.brevet.tracker;

import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.tracker.api.RequestSpec;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.StorageType;
import org.brevet.tracker.state.CsrTemplate;
import org.brevet.tracker.state.RequestSettings;

/**
 * Turns getcert's {@link RequestSpec} into {@link RequestSettings}: for a new request with the configured
 * defaults, or merged over an existing request's settings (a null or empty field keeps the current value).
 * Values are validated here, at the boundary, so the rest of the daemon trusts them.
 */
final class Settings {
    private final TrackerConfig config;

    Settings(TrackerConfig config) {
        this.config = config;
    }

    RequestSettings create(RequestSpec s) {
        Storage cert = s.certStorage();
        if (cert == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "None of database directory and nickname or certificate file specified.");
        }
        if (cert.type() == StorageType.NSSDB && !cert.location().equals(Storage.nssDirectory(cert.location()))
                && !cert.location().startsWith("sql:")) {
            throw new BrevetException(ErrorKind.MALFORMED, "NSS database \"" + cert.location()
                    + "\": only the sql: format (cert9.db, key4.db) is supported; Brevet does not convert legacy databases.");
        }
        String keyType = s.keyType() != null ? s.keyType() : config.keyType();
        int keySize = s.keySize() != null ? s.keySize() : keyType.equals("EC") ? 256 : config.rsaKeySize();
        validateKey(keyType, keySize);
        CsrTemplate t = new CsrTemplate(s.subject(), s.dns(), s.email(), s.principal(), s.ipAddress(), s.keyUsage(),
                s.extendedKeyUsage(), s.profile(), s.issuer(), Boolean.TRUE.equals(s.forCa()),
                s.caPathLength() == null ? -1 : s.caPathLength());
        String ca = s.caName() != null ? s.caName() : config.defaultCa();
        return new RequestSettings(ca, s.keyStorage() == null ? Storage.none() : s.keyStorage(), cert, s.pinFile(),
                keyType, keySize, t, true, !Boolean.FALSE.equals(s.renew()), s.preSaveCommand(), s.postSaveCommand(),
                s.caFiles(), s.keyOwner(), mode(s.keyPerms()), s.certOwner(), mode(s.certPerms()));
    }

    RequestSettings merge(RequestSettings base, RequestSpec s) {
        CsrTemplate b = base.template();
        CsrTemplate t = new CsrTemplate(or(s.subject(), b.subject()), or(s.dns(), b.dns()), or(s.email(), b.email()),
                or(s.principal(), b.principal()), or(s.ipAddress(), b.ipAddress()), or(s.keyUsage(), b.keyUsage()),
                or(s.extendedKeyUsage(), b.extendedKeyUsage()), or(s.profile(), b.profile()), or(s.issuer(), b.issuer()),
                s.forCa() != null ? s.forCa() : b.forCa(), s.caPathLength() != null ? s.caPathLength() : b.caPathLength());
        String keyType = or(s.keyType(), base.keyType());
        int keySize = s.keySize() != null ? s.keySize()
                : s.keyType() != null && !s.keyType().equals(base.keyType()) ? (keyType.equals("EC") ? 256 : config.rsaKeySize())
                : base.keySize();
        validateKey(keyType, keySize);
        return new RequestSettings(or(s.caName(), base.caName()), s.keyStorage() != null ? s.keyStorage() : base.keyStorage(),
                s.certStorage() != null ? s.certStorage() : base.certStorage(), pinFile(base, s), keyType,
                keySize, t, base.track(), s.renew() != null ? s.renew() : base.autoRenew(),
                or(s.preSaveCommand(), base.preSaveCommand()), or(s.postSaveCommand(), base.postSaveCommand()),
                or(s.caFiles(), base.caFiles()), or(s.keyOwner(), base.keyOwner()),
                s.keyPerms() != null ? mode(s.keyPerms()) : base.keyPerms(), or(s.certOwner(), base.certOwner()),
                s.certPerms() != null ? mode(s.certPerms()) : base.certPerms());
    }

    /** As certmonger: setting {@code -P} clears a pin file, setting {@code -p} replaces the PIN (reference §7.2). */
    private static String pinFile(RequestSettings base, RequestSpec s) {
        if (s.pinFile() == null && s.pin() != null) {
            return null;
        }
        return or(s.pinFile(), base.pinFile());
    }

    private static void validateKey(String type, int size) {
        KeySpec.of(type, size);
    }

    private static Integer mode(String octal) {
        if (octal == null) {
            return null;
        }
        try {
            int m = Integer.parseInt(octal, 8);
            if (m < 0 || m > 07777) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "invalid file mode '" + octal + "'");
        }
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static List<String> or(List<String> a, List<String> b) {
        return a.isEmpty() ? b : a;
    }
}
