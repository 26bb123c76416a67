package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * Conversions between column values and the domain's value types, shared by the row mappers.
 * Instants travel as {@code TIMESTAMP WITH TIME ZONE} in UTC (microsecond precision on both databases).
 */
final class Columns {
    private Columns() {
    }

    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    static void setOptionalString(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static void setDer(PreparedStatement s, int index, Der value) throws SQLException {
        s.setBytes(index, value.bytes());
    }

    static Der der(ResultSet rs, String column) throws SQLException {
        return Der.of(rs.getBytes(column));
    }

    static SerialNumber serial(ResultSet rs, String column) throws SQLException {
        return SerialNumber.parse(rs.getString(column));
    }

    static Optional<SerialNumber> optionalSerial(ResultSet rs, String column) throws SQLException {
        String hex = rs.getString(column);
        return hex == null ? Optional.empty() : Optional.of(SerialNumber.parse(hex));
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards escaped by '!'. */
    static String containsPattern(String text) {
        String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
