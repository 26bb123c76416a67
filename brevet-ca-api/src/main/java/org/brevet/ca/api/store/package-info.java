/**
 * Repository ports of the authority. Implemented by brevet-store-jdbc (H2 and PostgreSQL); every
 * implementation passes the same contract tests. Methods throw {@code BrevetException(UNAVAILABLE)} when
 * the database cannot be reached and {@code BrevetException(CONFLICT)} when a uniqueness rule is violated.
 */
package org.brevet.ca.api.store;
