package org.brevet.ca.profile;

/** One default of a profile: sets one part of the certificate being shaped (step-ca's sign-option modifiers). */
interface CertificateModifier {
    void apply(CertificateDraft draft);
}
