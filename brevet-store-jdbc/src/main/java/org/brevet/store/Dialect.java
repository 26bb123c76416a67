package org.brevet.store;

import com.zaxxer.hikari.HikariConfig;
import javax.sql.DataSource;

/**
 * The one place where H2 and PostgreSQL differ for the store. The schema and every statement are
 * written in the subset both accept; what remains is connection set-up, how each names a missing
 * parent row, and how commits are grouped (PostgreSQL groups WAL flushes itself; embedded H2 needs
 * {@link GroupCommit}).
 */
enum Dialect {
    H2,
    POSTGRESQL;

    /** Seconds a PostgreSQL connection attempt may take before the pool gives up on it. */
    private static final String CONNECT_TIMEOUT_SECONDS = "5";

    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
    }

    /** Driver properties; values given in the URL take precedence. */
    void configure(HikariConfig hikari) {
        if (this == POSTGRESQL) {
            hikari.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
            hikari.addDataSourceProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
            hikari.addDataSourceProperty("ApplicationName", "brevet");
        }
    }

    /** How write transactions are run on this database. */
    Writes writes(DataSource dataSource) {
        return this == H2 ? new GroupCommit(dataSource) : new DirectWrites(dataSource);
    }

    /** SQLSTATE of an insert whose foreign key names no existing row (H2 uses 23506, PostgreSQL 23503). */
    String missingParentState() {
        return this == H2 ? "23506" : "23503";
    }
}
