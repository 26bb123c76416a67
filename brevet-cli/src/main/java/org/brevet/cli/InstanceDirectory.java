package org.brevet.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * A CA instance directory seen from the client side, on the CA host: the files {@code brevet ca init}
 * leaves for the first administrator. Only the HTTPS port ({@code server.https.port}) and the host names
 * ({@code server.hostnames}) are read from {@code conf/brevet.conf}; the server validates that file, this
 * class does not.
 */
record InstanceDirectory(Path dir) {
    static final int DEFAULT_HTTPS_PORT = 8443;

    /**
     * The HTTPS port key in any of the spellings a flat ({@code https.port = 8443}, {@code httpsPort: 8443})
     * or dotted-path config uses; a YAML-style {@code https:} section with an indented {@code port:} is
     * handled separately.
     */
    private static final Pattern FLAT_KEY = Pattern.compile(
            "^\\s*(?:[A-Za-z0-9_]+\\.)*https[._-]?port\\s*[=:]\\s*\"?(\\d{1,5})\"?\\s*(?:#.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAMES = Pattern.compile("^\\s*server\\.hostnames\\s*[=:]\\s*([^#]*)(?:#.*)?$");
    private static final Pattern SECTION = Pattern.compile("^(\\s*)https\\s*:\\s*(?:#.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT = Pattern.compile("^(\\s*)port\\s*[=:]\\s*\"?(\\d{1,5})\"?\\s*(?:#.*)?$",
            Pattern.CASE_INSENSITIVE);

    InstanceDirectory {
        if (!Files.isDirectory(dir)) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "--instance " + dir + ": not a directory");
        }
    }

    Path config() {
        return dir.resolve("conf").resolve("brevet.conf");
    }

    Path adminPkcs12() {
        return dir.resolve("admin").resolve("ca_admin_cert.p12");
    }

    Path adminPasswordFile() {
        return dir.resolve("admin").resolve("pkcs12_password.conf");
    }

    Path caCertificate() {
        return dir.resolve("certs").resolve("ca.pem");
    }

    /**
     * {@code https://HOST:PORT}: HOST is {@code localhost} when the instance's {@code server.hostnames}
     * (the DNS names in its Server-Cert) include it or are not set, else the first of them, so that the
     * host name check of TLS passes.
     */
    URI httpsUrl() {
        List<String> lines = configLines();
        return URI.create("https://" + host(lines) + ":" + httpsPort(lines));
    }

    int httpsPort() {
        return httpsPort(configLines());
    }

    static String host(List<String> lines) {
        for (String line : lines) {
            Matcher m = HOSTNAMES.matcher(line);
            if (m.matches()) {
                List<String> names = List.of(m.group(1).trim().split("[,\\s]+"));
                return names.contains("localhost") || names.get(0).isEmpty() ? "localhost" : names.get(0);
            }
        }
        return "localhost";
    }

    private List<String> configLines() {
        try {
            return Files.readAllLines(config());
        } catch (NoSuchFileException e) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "--instance " + dir + ": no " + config() + " (not a Brevet instance?)");
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + config() + ": " + e.getMessage(), e);
        }
    }

    static int httpsPort(List<String> lines) {
        int sectionIndent = -1;
        for (String line : lines) {
            Matcher flat = FLAT_KEY.matcher(line);
            if (flat.matches()) {
                return port(flat.group(1));
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                sectionIndent = section.group(1).length();
                continue;
            }
            Matcher port = PORT.matcher(line);
            if (sectionIndent >= 0 && port.matches() && port.group(1).length() > sectionIndent) {
                return port(port.group(2));
            }
            if (!line.isBlank() && leadingSpaces(line) <= sectionIndent) {
                sectionIndent = -1;
            }
        }
        return DEFAULT_HTTPS_PORT;
    }

    private static int port(String digits) {
        int p = Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw new BrevetException(ErrorKind.MALFORMED, "HTTPS port " + p + " in brevet.conf is out of range");
        }
        return p;
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
