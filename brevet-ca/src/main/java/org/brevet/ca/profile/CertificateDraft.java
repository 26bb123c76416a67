package org.brevet.ca.profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.profile.ProfileDefaults.BasicConstraints;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.RawExtension;
import org.brevet.pki.SubjectAltName;

/**
 * The certificate a profile is shaping for one request: filled by the profile's modifiers, then checked
 * by its constraints, then handed to the issuer. Mutable and confined to one thread; the issuer turns it
 * into a signed certificate with the CA's URLs and keys.
 */
public final class CertificateDraft {
    private final CertificateInput input;
    private DistinguishedName subject;
    private final List<SubjectAltName> subjectAltNames = new ArrayList<>();
    private int validityDays;
    private final Set<KeyUsage> keyUsage = EnumSet.noneOf(KeyUsage.class);
    private final List<String> extendedKeyUsage = new ArrayList<>();
    private Optional<BasicConstraints> basicConstraints = Optional.empty();
    private boolean subjectKeyIdentifier;
    private boolean authorityKeyIdentifier;
    private boolean ocspUrl;
    private boolean caIssuersUrl;
    private boolean crlDistributionPoint;
    private boolean ocspNoCheck;
    private final List<RawExtension> copiedExtensions = new ArrayList<>();

    CertificateDraft(CertificateInput input) {
        this.input = input;
        this.subject = input.subject();
    }

    public CertificateInput input() {
        return input;
    }

    public DistinguishedName subject() {
        return subject;
    }

    void subject(DistinguishedName name) {
        this.subject = name;
    }

    public List<SubjectAltName> subjectAltNames() {
        return List.copyOf(subjectAltNames);
    }

    void addSubjectAltName(SubjectAltName name) {
        if (!subjectAltNames.contains(name)) {
            subjectAltNames.add(name);
        }
    }

    public int validityDays() {
        return validityDays;
    }

    void validityDays(int days) {
        this.validityDays = days;
    }

    /** Empty when the profile adds no key usage extension. */
    public Set<KeyUsage> keyUsage() {
        return Set.copyOf(keyUsage);
    }

    void keyUsage(Set<KeyUsage> usages) {
        keyUsage.clear();
        keyUsage.addAll(usages);
    }

    /** Purpose OIDs; empty when the profile adds no extended key usage extension. */
    public List<String> extendedKeyUsage() {
        return List.copyOf(extendedKeyUsage);
    }

    void extendedKeyUsage(List<String> oids) {
        extendedKeyUsage.clear();
        extendedKeyUsage.addAll(oids);
    }

    public Optional<BasicConstraints> basicConstraints() {
        return basicConstraints;
    }

    void basicConstraints(BasicConstraints value) {
        this.basicConstraints = Optional.of(value);
    }

    public boolean hasSubjectKeyIdentifier() {
        return subjectKeyIdentifier;
    }

    void addSubjectKeyIdentifier() {
        this.subjectKeyIdentifier = true;
    }

    public boolean hasAuthorityKeyIdentifier() {
        return authorityKeyIdentifier;
    }

    void addAuthorityKeyIdentifier() {
        this.authorityKeyIdentifier = true;
    }

    public boolean hasOcspUrl() {
        return ocspUrl;
    }

    public boolean hasCaIssuersUrl() {
        return caIssuersUrl;
    }

    void authorityInfoAccess(boolean ocsp, boolean caIssuers) {
        this.ocspUrl = ocsp;
        this.caIssuersUrl = caIssuers;
    }

    public boolean hasCrlDistributionPoint() {
        return crlDistributionPoint;
    }

    void addCrlDistributionPoint() {
        this.crlDistributionPoint = true;
    }

    public boolean hasOcspNoCheck() {
        return ocspNoCheck;
    }

    void addOcspNoCheck() {
        this.ocspNoCheck = true;
    }

    /** Extensions copied from the request as the profile allows. */
    public List<RawExtension> copiedExtensions() {
        return List.copyOf(copiedExtensions);
    }

    void copyExtension(RawExtension extension) {
        copiedExtensions.add(extension);
    }
}
