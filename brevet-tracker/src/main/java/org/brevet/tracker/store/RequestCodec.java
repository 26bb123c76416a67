package org.brevet.tracker.store;

import java.util.List;
import java.util.Map;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Pem;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.StorageType;
import org.brevet.tracker.state.CertFacts;
import org.brevet.tracker.state.CsrTemplate;
import org.brevet.tracker.state.Progress;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.TrackedRequest;

/**
 * A {@link TrackedRequest} as the fields of a request file. Field names are certmonger's where it has one
 * (reference §6.1: {@code key_storage_location}, {@code template_hostname}, {@code ca_cookie} ...); ours
 * otherwise. A PIN is never written: only {@code key_pin_file}. Unknown fields are ignored on read.
 */
final class RequestCodec {

    Map<String, String> encode(TrackedRequest r) {
        RequestSettings s = r.settings();
        CsrTemplate t = s.template();
        Progress p = r.progress();
        Fields.Writer w = new Fields.Writer()
                .put("id", r.id())
                .put("state", r.state().name())
                .put("ca_name", s.caName())
                .put("key_type", s.keyType())
                .put("key_gen_size", s.keySize())
                .put("key_storage_type", s.keyStorage().type().name())
                .put("key_storage_location", s.keyStorage().location())
                .put("key_nickname", s.keyStorage().nickname())
                .put("key_token", s.keyStorage().token())
                .put("key_pin_file", s.pinFile())
                .put("key_owner", s.keyOwner())
                .octal("key_perms", s.keyPerms())
                .put("key_next_pending", p.nextKeyPending())
                .put("cert_storage_type", s.certStorage().type().name())
                .put("cert_storage_location", s.certStorage().location())
                .put("cert_nickname", s.certStorage().nickname())
                .put("cert_token", s.certStorage().token())
                .put("cert_owner", s.certOwner())
                .octal("cert_perms", s.certPerms());
        CertFacts c = r.cert();
        if (c != null) {
            w.put("cert_issuer", c.issuer()).put("cert_subject", c.subject()).put("cert_serial", c.serial())
                    .time("cert_not_before", c.notBefore()).time("cert_not_after", c.notAfter())
                    .put("cert_hostname", c.dns()).put("cert_email", c.email()).put("cert_principal", c.principal())
                    .put("cert_ipaddress", c.ipAddress()).put("cert_key_usage", c.keyUsage())
                    .put("cert_eku", c.extendedKeyUsage());
        }
        w.put("template_subject", t.subject()).put("template_hostname", t.dns()).put("template_email", t.email())
                .put("template_principal", t.principal()).put("template_ipaddress", t.ipAddress())
                .put("template_key_usage", t.keyUsage()).put("template_eku", t.extendedKeyUsage())
                .put("template_profile", t.profile()).put("template_issuer", t.issuer())
                .put("template_is_ca", t.forCa()).put("template_ca_path_length", t.caPathLength())
                .put("monitor", s.track()).put("autorenew", s.autoRenew())
                .put("pre_certsave_command", s.preSaveCommand()).put("post_certsave_command", s.postSaveCommand())
                .put("root_cert_files", s.caFiles())
                .put("csr", p.csrPem()).put("issued_cert", p.issuedPem())
                .put("issued_chain", p.chainPem().isEmpty() ? null : String.join("", p.chainPem()))
                .put("ca_cookie", p.caCookie()).put("ca_error", p.caError()).put("hook_error", p.hookError())
                .put("attempts", p.attempts()).put("rekeys", p.rekeys())
                .time("next_attempt", p.nextAttempt()).time("submitted", p.submitted())
                .time("last_need_notify_check", p.lastNotifyCheck())
                .time("last_need_enroll_check", p.lastEnrollCheck())
                .put("previous_serial", p.previousSerial());
        return w.fields();
    }

    TrackedRequest decode(Map<String, String> map) {
        Fields f = new Fields(map);
        String id = f.required("id");
        RequestState state = RequestState.parse(f.required("state"))
                .orElseThrow(() -> BrevetException.malformed("unknown state " + map.get("state"), null));
        CsrTemplate template = new CsrTemplate(f.text("template_subject"), f.list("template_hostname"),
                f.list("template_email"), f.list("template_principal"), f.list("template_ipaddress"),
                f.list("template_key_usage"), f.list("template_eku"), f.text("template_profile"),
                f.text("template_issuer"), f.flag("template_is_ca", false), f.integer("template_ca_path_length", -1));
        RequestSettings settings = new RequestSettings(f.text("ca_name"),
                storage(f, "key"), storage(f, "cert"), f.text("key_pin_file"),
                f.optional("key_type").orElse("RSA"), f.integer("key_gen_size", 2048), template,
                f.flag("monitor", true), f.flag("autorenew", true), f.text("pre_certsave_command"),
                f.text("post_certsave_command"), f.list("root_cert_files"), f.text("key_owner"), f.octal("key_perms"),
                f.text("cert_owner"), f.octal("cert_perms"));
        CertFacts cert = null;
        if (f.text("cert_serial") != null) {
            cert = new CertFacts(f.optional("cert_issuer").orElse(""), f.optional("cert_subject").orElse(""),
                    f.required("cert_serial"), f.time("cert_not_before"), f.time("cert_not_after"),
                    f.list("cert_hostname"), f.list("cert_email"), f.list("cert_principal"), f.list("cert_ipaddress"),
                    f.list("cert_key_usage"), f.list("cert_eku"));
            if (cert.notBefore() == null || cert.notAfter() == null) {
                throw BrevetException.malformed("certificate validity missing", null);
            }
        }
        Progress progress = new Progress(f.pem("csr"), f.pem("issued_cert"), chain(f.text("issued_chain")),
                f.text("ca_cookie"), f.text("ca_error"), f.text("hook_error"), f.integer("attempts", 0),
                f.integer("rekeys", 0), f.flag("key_next_pending", false), f.time("next_attempt"),
                f.time("submitted"), f.time("last_need_notify_check"), f.time("last_need_enroll_check"),
                f.text("previous_serial"));
        return new TrackedRequest(id, state, settings, cert, progress);
    }

    private static Storage storage(Fields f, String prefix) {
        String type = f.optional(prefix + "_storage_type").orElse("NONE");
        StorageType t;
        try {
            t = StorageType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("unknown " + prefix + "_storage_type " + type, e);
        }
        String location = f.text(prefix + "_storage_location");
        if (t != StorageType.NONE && location == null) {
            throw BrevetException.malformed("missing field " + prefix + "_storage_location", null);
        }
        return new Storage(t, location, f.text(prefix + "_nickname"), f.text(prefix + "_token"));
    }

    private static List<String> chain(String text) {
        if (text == null) {
            return List.of();
        }
        return Pem.decodeAll(text).stream().map(b -> Pem.encode(b.label(), b.der())).toList();
    }
}
