package org.brevet.ca.api;

/** What a listing shows about a profile. */
public record ProfileSummary(String id, String name, String description, boolean enabled, boolean visible) {
}
