package org.brevet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded H2 database: one writer thread runs the units of work queued by all
 * callers in one transaction, each under its own savepoint (a failing unit is rolled back alone and its
 * caller gets the failure), then commits once and releases every caller whose unit succeeded.
 *
 * <p>Why: with {@code WRITE_DELAY=0} every H2 commit writes a new MVStore chunk (tens of kilobytes: a
 * copy of each changed page and its parents, for every table and index touched), and freed chunks are
 * only reused after H2's 45-second retention time. Committing each issuance step alone therefore costs
 * far more disk and time than the rows themselves; sharing one commit among concurrent callers divides
 * both by the batch size. A caller's unit is never reported successful before the commit that contains
 * it has returned, so durability is the same as committing alone.
 */
final class GroupCommit implements Writes {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 512;
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Pending<Void> stop = new Pending<>(c -> null);
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::loop, "brevet-store-writer");
        // every unit reported done is committed, so nothing is lost if the JVM exits without close()
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public <T> T run(Jdbc.Work<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work);
        if (closed) {
            throw closedStore();
        }
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw closedStore();
        }
        return pending.await();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(stop);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> left = queue.poll(); left != null; left = queue.poll()) {
            left.fail(closedStore());
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stopping = batch.remove(stop);
            try {
                if (!batch.isEmpty()) {
                    execute(batch);
                }
            } catch (Throwable t) {
                LOG.error("store - group commit of {} writes failed", batch.size(), t);
                batch.forEach(p -> p.fail(t));
            }
            batch.clear();
            if (stopping) {
                return;
            }
        }
    }

    private void execute(List<Pending<?>> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Pending<?>> succeeded = runAll(c, batch);
                c.commit();
                succeeded.forEach(Pending::complete);
            } catch (SQLException | RuntimeException | Error e) {
                DirectWrites.rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Runs each unit under a savepoint; returns those that succeeded (the others are already failed). */
    private static List<Pending<?>> runAll(Connection c, List<Pending<?>> batch) throws SQLException {
        List<Pending<?>> succeeded = new ArrayList<>(batch.size());
        boolean alone = batch.size() == 1;
        for (Pending<?> pending : batch) {
            Savepoint savepoint = alone ? null : c.setSavepoint();
            try {
                pending.runOn(c);
                succeeded.add(pending);
            } catch (SQLException | RuntimeException e) {
                if (alone) {
                    c.rollback();
                } else {
                    c.rollback(savepoint);
                }
                pending.fail(e);
            }
        }
        return succeeded;
    }

    private static BrevetException closedStore() {
        return new BrevetException(ErrorKind.UNAVAILABLE, "database unavailable: the store is closed");
    }

    /** A queued unit of work and the future its caller waits on. */
    private static final class Pending<T> {
        private final Jdbc.Work<T> work;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;

        Pending(Jdbc.Work<T> work) {
            this.work = work;
        }

        void runOn(Connection c) throws SQLException {
            result = work.run(c);
        }

        void complete() {
            done.complete(result);
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }

        T await() throws SQLException {
            try {
                return done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrevetException(ErrorKind.UNAVAILABLE, "database unavailable: interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new BrevetException(ErrorKind.INTERNAL, "database error", cause);
            }
        }
    }
}
