package org.brevet.ca.profile;

import java.util.ArrayList;
import java.util.List;
import org.brevet.ca.profile.ProfileDefaults.AuthorityInfoAccess;

/**
 * A profile ready to use: its definition compiled into an ordered list of modifiers (the defaults) and
 * checks (the constraints). {@link #shape} applies every modifier, then every check, as Dogtag applies
 * each policy's default and then its constraint. Immutable and thread-safe.
 */
public final class Profile {
    private final ProfileDefinition definition;
    private final List<CertificateModifier> modifiers;
    private final List<CertificateCheck> checks;

    private Profile(ProfileDefinition definition, List<CertificateModifier> modifiers, List<CertificateCheck> checks) {
        this.definition = definition;
        this.modifiers = List.copyOf(modifiers);
        this.checks = List.copyOf(checks);
    }

    public static Profile of(ProfileDefinition definition) {
        ProfileDefaults d = definition.defaults();
        List<CertificateModifier> modifiers = new ArrayList<>();
        modifiers.add(new Modifiers.Subject(d.subjectTemplate()));
        modifiers.add(new Modifiers.CopyRequested(definition.policy().copyExtensions()));
        if (d.subjectAltNames().fromCsr()) {
            modifiers.add(new Modifiers.SansFromRequest());
        }
        if (d.subjectAltNames().commonNameToDns()) {
            modifiers.add(new Modifiers.CommonNameToDns());
        }
        modifiers.add(new Modifiers.Validity(d.validityDays()));
        d.keyUsage().ifPresent(k -> modifiers.add(new Modifiers.KeyUsageBits(k.usages())));
        d.extendedKeyUsage().ifPresent(e -> modifiers.add(new Modifiers.ExtendedKeyUsage(e.oids())));
        d.basicConstraints().ifPresent(b -> modifiers.add(new Modifiers.Basic(b)));
        if (d.subjectKeyIdentifier()) {
            modifiers.add(new Modifiers.SubjectKeyId());
        }
        if (d.authorityKeyIdentifier()) {
            modifiers.add(new Modifiers.AuthorityKeyId());
        }
        AuthorityInfoAccess aia = d.authorityInfoAccess();
        if (!aia.isEmpty()) {
            modifiers.add(new Modifiers.AuthorityInfoAccess(aia.ocsp(), aia.caIssuers()));
        }
        if (d.crlDistributionPoint()) {
            modifiers.add(new Modifiers.CrlDistributionPoint());
        }
        if (d.ocspNoCheck()) {
            modifiers.add(new Modifiers.OcspNoCheck());
        }
        ProfilePolicy p = definition.policy();
        List<CertificateCheck> checks = new ArrayList<>();
        checks.add(new Checks.Key(p.keyTypes()));
        checks.add(new Checks.NamePresent());
        p.subjectPattern().ifPresent(pattern -> checks.add(new Checks.SubjectPattern(pattern)));
        checks.add(new Checks.SubjectAltNames(p.subjectAltNames()));
        checks.add(new Checks.MaxValidity(p.maxValidityDays()));
        return new Profile(definition, modifiers, checks);
    }

    public ProfileDefinition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    /**
     * The certificate this profile issues for the input.
     *
     * @throws org.brevet.pki.BrevetException REJECTED_BY_POLICY naming the first constraint it breaks
     */
    public CertificateDraft shape(CertificateInput input) {
        CertificateDraft draft = new CertificateDraft(input);
        for (CertificateModifier m : modifiers) {
            m.apply(draft);
        }
        for (CertificateCheck c : checks) {
            c.check(draft);
        }
        return draft;
    }
}
