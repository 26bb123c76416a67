package org.brevet.ca.profile;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.store.ProfileRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Looks profiles up in the database and keeps their compiled form. Every lookup reads the stored record
 * (all nodes share one database, so a node must never serve a definition another node has replaced);
 * the definition is parsed again only when the record's {@code updatedAt} or text changed. Thread-safe.
 */
public final class ProfileCatalog {
    private record Compiled(Instant updatedAt, String text, Profile profile) {
    }

    private final ProfileRepository repository;
    private final ProfileParser parser;
    private final ConcurrentMap<String, Compiled> compiled = new ConcurrentHashMap<>();

    public ProfileCatalog(ProfileRepository repository, ProfileParser parser) {
        this.repository = repository;
        this.parser = parser;
    }

    public ProfileParser parser() {
        return parser;
    }

    /** The profile if it exists and is enabled; UNKNOWN_PROFILE otherwise. */
    public Profile enabled(String id) {
        ProfileRecord record = repository.find(id)
                .orElseThrow(() -> new BrevetException(ErrorKind.UNKNOWN_PROFILE, "no profile '" + id + "'"));
        if (!record.enabled()) {
            throw new BrevetException(ErrorKind.UNKNOWN_PROFILE, "profile '" + id + "' is disabled");
        }
        return compile(record);
    }

    /** Every stored profile as a listing shows it (the stored enabled flag wins over the definition's). */
    public List<ProfileSummary> summaries() {
        return repository.list().stream().map(this::summary).toList();
    }

    ProfileSummary summary(ProfileRecord record) {
        ProfileDefinition d = compile(record).definition();
        return new ProfileSummary(record.id(), d.name(), d.description(), record.enabled(), d.visible());
    }

    /** The compiled form of a stored record (cached by updatedAt and text). */
    public Profile compile(ProfileRecord record) {
        Compiled c = compiled.get(record.id());
        if (c != null && c.updatedAt().equals(record.updatedAt()) && c.text().equals(record.definition())) {
            return c.profile();
        }
        Profile profile = Profile.of(parseStored(record));
        compiled.put(record.id(), new Compiled(record.updatedAt(), record.definition(), profile));
        return profile;
    }

    private ProfileDefinition parseStored(ProfileRecord record) {
        try {
            return parser.parse(record.definition());
        } catch (BrevetException e) {
            // validated before it was stored: a bad stored definition is damage, not user input
            throw new BrevetException(ErrorKind.INTERNAL, "stored profile '" + record.id() + "' is invalid: " + e.detail(), e);
        }
    }
}
