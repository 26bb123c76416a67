package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.store.ProfileRepository;
import org.brevet.pki.BrevetException;

/** Enrollment profiles in the {@code profiles} table. */
final class JdbcProfileRepository implements ProfileRepository {
    private static final String COLUMNS = "id, enabled, definition, updated_at, updated_by";
    private static final String LIST = "SELECT " + COLUMNS + " FROM profiles ORDER BY id";
    private static final String FIND = "SELECT " + COLUMNS + " FROM profiles WHERE id = ?";
    private static final String INSERT = "INSERT INTO profiles (enabled, definition, updated_at, updated_by, id) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE profiles SET enabled = ?, definition = ?, updated_at = ?, "
            + "updated_by = ? WHERE id = ?";

    private final Jdbc jdbc;

    JdbcProfileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProfileRecord> list() {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(LIST); ResultSet rs = s.executeQuery()) {
                List<ProfileRecord> profiles = new ArrayList<>();
                while (rs.next()) {
                    profiles.add(read(rs));
                }
                return profiles;
            }
        });
    }

    @Override
    public Optional<ProfileRecord> find(String id) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void insert(ProfileRecord profile) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                bind(s, profile);
                return Jdbc.update(s, () -> "profile '" + profile.id() + "' already exists");
            }
        });
    }

    @Override
    public void update(ProfileRecord profile) {
        int updated = jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                bind(s, profile);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw BrevetException.notFound("no profile '" + profile.id() + "'");
        }
    }

    private static void bind(PreparedStatement s, ProfileRecord p) throws SQLException {
        s.setBoolean(1, p.enabled());
        s.setString(2, p.definition());
        Columns.setInstant(s, 3, p.updatedAt());
        Columns.setOptionalString(s, 4, p.updatedBy());
        s.setString(5, p.id());
    }

    private static ProfileRecord read(ResultSet rs) throws SQLException {
        return new ProfileRecord(
                rs.getString("id"),
                rs.getBoolean("enabled"),
                rs.getString("definition"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalString(rs, "updated_by"));
    }
}
