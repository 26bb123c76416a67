package org.brevet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code brevet kra}: the key recovery authority. {@code init} adds the KRA keys to a local instance; {@code key}
 * and {@code recovery} talk to the KRA's agent API (an agent's credential: --p12 or --instance).
 */
@Command(name = "kra", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Key archival and recovery (KRA).",
        subcommands = {KraInitCommand.class, KraCommand.Key.class, KraCommand.Recovery.class})
final class KraCommand implements Runnable {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    /** {@code brevet kra key find|show}. */
    @Command(name = "key", description = "Archived keys (agents).")
    static final class Key implements Runnable {
        private final Session session;

        @Spec
        CommandSpec spec;

        Key(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            throw Groups.missingSubcommand(spec);
        }

        @Command(name = "find", description = "List archived keys, newest first.")
        int find(@Option(names = "--owner", paramLabel = "TEXT", description = "Part of the owner's subject DN.") String owner,
                @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "At most N keys (default 100).") int size) {
            JsonNode keys = session.client().kra().findKeys(Optional.ofNullable(owner), size);
            Output out = session.output();
            if (out.isJson()) {
                out.json(keys);
            } else if (keys.path("entries").isEmpty()) {
                out.line("No keys found.");
            } else {
                List<List<String>> rows = new ArrayList<>();
                keys.path("entries").forEach(k -> rows.add(List.of(k.path("keyId").asText(), k.path("status").asText(),
                        k.path("algorithm").asText() + " " + k.path("size").asText(), k.path("archivedAt").asText(),
                        k.path("ownerName").asText())));
                out.table(List.of("KEY ID", "STATUS", "KEY", "ARCHIVED", "OWNER"), rows);
            }
            return ExitCode.OK;
        }

        @Command(name = "show", description = "Show one archived key's record (never the key).")
        int show(@Parameters(paramLabel = "KEY_ID", description = "Key id.") String keyId) {
            return printKey(session, session.client().kra().key(keyId));
        }
    }

    /** {@code brevet kra recovery request|approve|retrieve}. */
    @Command(name = "recovery", description = "Key recovery: request, approve, retrieve (agents).")
    static final class Recovery implements Runnable {
        private final Session session;

        @Spec
        CommandSpec spec;

        Recovery(Session session) {
            this.session = session;
        }

        static final class Target {
            @Option(names = "--key-id", paramLabel = "ID", required = true, description = "The archived key's id.")
            String keyId;

            @Option(names = "--serial", paramLabel = "SERIAL", required = true,
                    description = "Serial of the certificate whose key to recover (hex, with or without 0x).")
            String serial;
        }

        @Override
        public void run() {
            throw Groups.missingSubcommand(spec);
        }

        @Command(name = "request", description = "Ask for recovery of a key, by key id or certificate serial.")
        int request(@ArgGroup(exclusive = true, multiplicity = "1") Target target) {
            KraClient kra = session.client().kra();
            JsonNode request = target.keyId != null ? kra.requestRecoveryOfKey(target.keyId)
                    : kra.requestRecoveryOfCertificate(SerialNumber.parse(target.serial).toString());
            return printRequest(session, request);
        }

        @Command(name = "approve", description = "Approve a recovery request (each agent once).")
        int approve(@Parameters(paramLabel = "REQUEST_ID", description = "Key request id.") String requestId) {
            return printRequest(session, session.client().kra().approve(requestId));
        }

        @Command(name = "show", description = "Show a recovery request and its approvals.")
        int show(@Parameters(paramLabel = "REQUEST_ID", description = "Key request id.") String requestId) {
            return printRequest(session, session.client().kra().request(requestId));
        }

        @Command(name = "retrieve", description = {"Retrieve an approved recovery as a PKCS#12 (the requesting agent only).",
            "The PKCS#12 (AES-256-CBC, PBKDF2) is protected by the passphrase in --passphrase-file and written 0600."})
        int retrieve(@Parameters(paramLabel = "REQUEST_ID", description = "Key request id.") String requestId,
                @Option(names = "--passphrase-file", paramLabel = "FILE", required = true,
                        description = "File whose first line is the PKCS#12 passphrase.") Path passphraseFile,
                @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the PKCS#12.") Path out) {
            Secret passphrase = Secret.fromFile(passphraseFile);
            if (passphrase.isEmpty()) {
                throw new BrevetException(ErrorKind.MALFORMED, passphraseFile + ": the passphrase is empty");
            }
            JsonNode keyData = session.client().kra().retrieve(requestId, passphrase);
            AtomicFiles.writeSecret(out, Base64.getDecoder().decode(keyData.path("p12Data").asText()));
            session.output().line("Recovered key of request " + requestId + " written to " + out);
            return ExitCode.OK;
        }
    }

    static int printKey(Session session, JsonNode key) {
        Output out = session.output();
        if (out.isJson()) {
            out.json(key);
            return ExitCode.OK;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Key ID", key.path("keyId").asText());
        fields.put("Status", key.path("status").asText());
        fields.put("Algorithm", key.path("algorithm").asText());
        fields.put("Size", key.path("size").asText());
        fields.put("Owner", key.path("ownerName").asText());
        fields.put("Request ID", key.path("requestId").asText());
        fields.put("Archived", key.path("archivedAt").asText());
        out.fields(fields);
        return ExitCode.OK;
    }

    static int printRequest(Session session, JsonNode request) {
        Output out = session.output();
        if (out.isJson()) {
            out.json(request);
            return ExitCode.OK;
        }
        List<String> approvers = new ArrayList<>();
        request.path("approvers").forEach(a -> approvers.add(a.asText()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Request ID", request.path("requestId").asText());
        fields.put("Status", request.path("requestStatus").asText());
        fields.put("Key ID", request.path("keyId").asText());
        fields.put("Requester", request.path("requester").asText());
        fields.put("Approvals", approvers.size() + " of " + request.path("requiredApprovals").asText()
                + (approvers.isEmpty() ? "" : " (" + String.join(", ", approvers) + ")"));
        out.fields(fields);
        return ExitCode.OK;
    }
}
