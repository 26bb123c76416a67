/**
 * Enrollment profiles: the documented YAML format (docs/PROFILES.md), its parser and validation, the
 * compiled form (small modifiers and checks), the database-backed catalog and profile administration.
 */
package org.brevet.ca.profile;
