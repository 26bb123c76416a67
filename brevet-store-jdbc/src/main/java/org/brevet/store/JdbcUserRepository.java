package org.brevet.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.api.store.UserRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;

/**
 * Users ({@code users}), their roles ({@code user_roles}) and client certificates
 * ({@code user_certificates}, keyed by the SHA-256 of the DER so that authentication is one index lookup,
 * then confirmed byte for byte).
 */
final class JdbcUserRepository implements UserRepository {
    private static final String INSERT_USER = "INSERT INTO users (user_id, full_name) VALUES (?, ?)";
    private static final String UPDATE_USER = "UPDATE users SET full_name = ? WHERE user_id = ?";
    private static final String FIND_USER = "SELECT user_id, full_name FROM users WHERE user_id = ?";
    private static final String LIST_USERS = "SELECT user_id, full_name FROM users ORDER BY user_id";
    private static final String INSERT_ROLE = "INSERT INTO user_roles (user_id, role) VALUES (?, ?)";
    private static final String DELETE_ROLES = "DELETE FROM user_roles WHERE user_id = ?";
    private static final String ROLES_OF = "SELECT role FROM user_roles WHERE user_id = ?";
    private static final String ALL_ROLES = "SELECT user_id, role FROM user_roles";
    private static final String INSERT_CERTIFICATE =
            "INSERT INTO user_certificates (fingerprint_sha256, user_id, der) VALUES (?, ?, ?)";
    private static final String CERTIFICATES_OF =
            "SELECT der FROM user_certificates WHERE user_id = ? ORDER BY added_seq";
    private static final String ALL_CERTIFICATES =
            "SELECT user_id, der FROM user_certificates ORDER BY added_seq";
    private static final String BY_FINGERPRINT =
            "SELECT user_id, der FROM user_certificates WHERE fingerprint_sha256 = ?";

    private final Jdbc jdbc;

    JdbcUserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(User user) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_USER)) {
                s.setString(1, user.userId());
                s.setString(2, user.fullName());
                Jdbc.update(s, () -> "user '" + user.userId() + "' already exists");
            }
            insertRoles(c, user);
            for (Der certificate : user.certificates()) {
                insertCertificate(c, user.userId(), certificate);
            }
            return null;
        });
    }

    @Override
    public void update(User user) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE_USER)) {
                s.setString(1, user.fullName());
                s.setString(2, user.userId());
                if (s.executeUpdate() == 0) {
                    throw BrevetException.notFound("no user '" + user.userId() + "'");
                }
            }
            try (PreparedStatement s = c.prepareStatement(DELETE_ROLES)) {
                s.setString(1, user.userId());
                s.executeUpdate();
            }
            insertRoles(c, user);
            return null;
        });
    }

    @Override
    public Optional<User> find(String userId) {
        return jdbc.read(c -> load(c, userId));
    }

    @Override
    public List<User> list() {
        return jdbc.read(c -> {
            Map<String, String> names = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(LIST_USERS); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, Set<Role>> roles = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(ALL_ROLES); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString(2)));
                }
            }
            Map<String, List<Der>> certificates = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(ALL_CERTIFICATES); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    certificates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Columns.der(rs, "der"));
                }
            }
            List<User> users = new ArrayList<>(names.size());
            names.forEach((id, name) -> users.add(new User(id, name,
                    roles.getOrDefault(id, Set.of()), certificates.getOrDefault(id, List.of()))));
            return users;
        });
    }

    @Override
    public void addCertificate(String userId, Der certificate) {
        jdbc.write(c -> {
            insertCertificate(c, userId, certificate);
            return null;
        });
    }

    @Override
    public Optional<User> findByCertificate(Der certificate) {
        return jdbc.read(c -> {
            String owner = null;
            try (PreparedStatement s = c.prepareStatement(BY_FINGERPRINT)) {
                s.setString(1, fingerprint(certificate));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && Columns.der(rs, "der").equals(certificate)) {
                        owner = rs.getString("user_id");
                    }
                }
            }
            return owner == null ? Optional.<User>empty() : load(c, owner);
        });
    }

    private void insertCertificate(Connection c, String userId, Der certificate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_CERTIFICATE)) {
            s.setString(1, fingerprint(certificate));
            s.setString(2, userId);
            Columns.setDer(s, 3, certificate);
            Jdbc.update(s, () -> "this certificate is already mapped to a user");
        } catch (SQLException e) {
            if (SqlFailures.isMissingParent(e, jdbc.dialect())) {
                throw BrevetException.notFound("no user '" + userId + "'");
            }
            throw e;
        }
    }

    private static void insertRoles(Connection c, User user) throws SQLException {
        if (user.roles().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ROLE)) {
            for (Role role : user.roles()) {
                s.setString(1, user.userId());
                s.setString(2, role.name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Optional<User> load(Connection c, String userId) throws SQLException {
        String fullName;
        try (PreparedStatement s = c.prepareStatement(FIND_USER)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                fullName = rs.getString("full_name");
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement s = c.prepareStatement(ROLES_OF)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.add(Role.valueOf(rs.getString(1)));
                }
            }
        }
        List<Der> certificates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CERTIFICATES_OF)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    certificates.add(Columns.der(rs, "der"));
                }
            }
        }
        return Optional.of(new User(userId, fullName, roles, certificates));
    }

    static String fingerprint(Der certificate) {
        try {
            return Der.of(MessageDigest.getInstance("SHA-256").digest(certificate.bytes())).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "SHA-256 is not available", e);
        }
    }
}
