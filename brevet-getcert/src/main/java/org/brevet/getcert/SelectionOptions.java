package org.brevet.getcert;

import java.io.PrintWriter;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Selector;
import picocli.CommandLine.Option;

/** Choosing one existing request: {@code -i ID}, or {@code -f CERTFILE}, or {@code -d DIR -n NICKNAME}. */
final class SelectionOptions {
    @Option(names = {"-i", "--id"}, paramLabel = "NAME", description = "Nickname of the request.")
    String id;

    @Option(names = {"-d", "--dbdir"}, paramLabel = "DIRECTORY", description = "NSS database of the certificate.")
    String dbdir;

    @Option(names = {"-n", "--nickname"}, paramLabel = "NAME", description = "NSS nickname of the certificate.")
    String nickname;

    @Option(names = {"-t", "--token"}, paramLabel = "NAME", description = "NSS token of the certificate.")
    String token;

    @Option(names = {"-f", "--certfile"}, paramLabel = "FILENAME", description = "Certificate file.")
    String certFile;

    Selector selector(PrintWriter err) {
        if (id != null) {
            return Selector.byId(id);
        }
        if (certFile != null) {
            return Selector.byCertFile(Paths.absolute(certFile, err));
        }
        if (dbdir != null && nickname != null) {
            return new Selector(null, null, Paths.absolute(org.brevet.tracker.api.Storage.nssDirectory(dbdir), err), nickname);
        }
        if (dbdir != null || nickname != null) {
            throw new BrevetException(ErrorKind.MALFORMED, "Database location or nickname specified without the other.");
        }
        throw new BrevetException(ErrorKind.MALFORMED,
                "None of database directory and nickname or certificate file specified.");
    }
}
