package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ClusterNode;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.pki.BrevetException;

/** The {@code cluster_nodes} table. */
final class JdbcClusterNodes implements ClusterNodes {
    private static final String COLUMNS = "node_id, host, https_port, http_port, version, started_at, heartbeat_at, standby";
    private static final String UPDATE = "UPDATE cluster_nodes SET host = ?, https_port = ?, http_port = ?, version = ?, "
            + "started_at = ?, heartbeat_at = ? WHERE node_id = ?";
    private static final String INSERT = "INSERT INTO cluster_nodes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HEARTBEAT = "UPDATE cluster_nodes SET heartbeat_at = ? WHERE node_id = ?";
    private static final String STANDBY = "UPDATE cluster_nodes SET standby = ? WHERE node_id = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM cluster_nodes WHERE node_id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM cluster_nodes ORDER BY node_id";

    private final Jdbc jdbc;

    JdbcClusterNodes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(ClusterNode node) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                s.setString(1, node.host());
                s.setInt(2, node.httpsPort());
                s.setInt(3, node.httpPort());
                s.setString(4, node.version());
                Columns.setInstant(s, 5, node.startedAt());
                Columns.setInstant(s, 6, node.heartbeatAt());
                s.setString(7, node.id());
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, node.id());
                s.setString(2, node.host());
                s.setInt(3, node.httpsPort());
                s.setInt(4, node.httpPort());
                s.setString(5, node.version());
                Columns.setInstant(s, 6, node.startedAt());
                Columns.setInstant(s, 7, node.heartbeatAt());
                s.setBoolean(8, node.standby());
                Jdbc.update(s, () -> "node " + node.id() + " registered twice at once");
            }
            return null;
        });
    }

    @Override
    public void heartbeat(String id, Instant now) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(HEARTBEAT)) {
                Columns.setInstant(s, 1, now);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void setStandby(String id, boolean standby) {
        int updated = jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(STANDBY)) {
                s.setBoolean(1, standby);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw BrevetException.notFound("no node '" + id + "' in the cluster (has it been started once?)");
        }
    }

    @Override
    public Optional<ClusterNode> find(String id) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(node(rs)) : Optional.<ClusterNode>empty();
                }
            }
        });
    }

    @Override
    public List<ClusterNode> all() {
        return jdbc.read(c -> {
            List<ClusterNode> nodes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.add(node(rs));
                }
            }
            return List.copyOf(nodes);
        });
    }

    private static ClusterNode node(ResultSet rs) throws SQLException {
        return new ClusterNode(rs.getString("node_id"), rs.getString("host"), rs.getInt("https_port"),
                rs.getInt("http_port"), rs.getString("version"), Columns.instant(rs, "started_at"),
                Columns.instant(rs, "heartbeat_at"), rs.getBoolean("standby"));
    }
}
