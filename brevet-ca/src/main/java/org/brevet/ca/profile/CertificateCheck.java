package org.brevet.ca.profile;

/**
 * One constraint of a profile: inspects the shaped certificate and throws
 * {@code BrevetException(REJECTED_BY_POLICY)} with a one-sentence reason when it is not allowed.
 */
interface CertificateCheck {
    void check(CertificateDraft draft);
}
