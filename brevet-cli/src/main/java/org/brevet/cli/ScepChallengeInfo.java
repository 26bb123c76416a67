package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A new SCEP challenge password as the CA returns it (shown once). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScepChallengeInfo(String password, String subject, String expiresAt) {
}
