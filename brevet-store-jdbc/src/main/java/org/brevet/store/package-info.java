/**
 * The CA's store: JDBC repositories over HikariCP, one Flyway history
 * ({@code org/brevet/store/migration/V*.sql}) for H2 and PostgreSQL, row mappers kept apart from the
 * domain records. Entry point: {@link org.brevet.store.JdbcStore#open(org.brevet.store.DatabaseConfig)}.
 *
 * <h2>Durability</h2>
 * A commit that returned survives {@code kill -9} of the JVM on both databases (proved by the
 * {@code *CrashDurabilityIT} tests). PostgreSQL: the server's own synchronous commit. Embedded H2:
 * {@code WRITE_DELAY=0} makes each commit write its MVStore chunk to the file before returning (H2's
 * default keeps commits in memory for up to 500 ms, and the crash test fails with it). H2 does not fsync
 * per commit, so an operating-system crash or power loss may lose the last commits; installations that
 * need that guarantee use PostgreSQL.
 *
 * <h2>Cost on H2, and group commit</h2>
 * Each H2 commit writes a new chunk holding a copy of every changed B-tree page and its parents (tens of
 * kilobytes for one issuance step, which touches three tables and four secondary indexes), and H2 only reuses freed
 * chunks after its 45-second retention time (lowering it made H2 fail with "Chunk not found" under
 * concurrent load, so it stays). {@link org.brevet.store.GroupCommit} therefore runs the writes of all
 * concurrent callers in one transaction per batch, one savepoint per caller. Measured on the shared
 * 2-core development machine (one issuance = recordIntent + storeIssuedWithNewRequest, 20,000
 * certificates, store alone, no crypto): 1 thread 700 to 1,350 issuances/s with about 90 KB of file
 * written per issuance, 32 threads 2,400 to 5,200/s with about 15 KB (H2's non-durable default: about
 * 4,100/s and 6 KB). Freed space is reused after the retention time, so the file settles at roughly
 * live data plus 45 seconds of writes. PostgreSQL groups WAL flushes itself and uses one transaction
 * per call on the caller's thread.
 */
package org.brevet.store;
