package org.brevet.tracker.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.LineFraming;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.TrackerJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control socket: a Unix domain socket speaking one JSON line each way per connection
 * ({@link LineFraming}). The peer's user comes from the kernel (SO_PEERCRED): root may manage any daemon;
 * any other user only a daemon running as that same user (their session daemon). A stale socket file
 * left by a crashed daemon is replaced; a live one makes start-up fail.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;
    private final CommandHandler handler;
    private final TrackerJson json;
    private final String owner;
    private final Duration connectionTimeout;
    private final ExecutorService connections = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "tracker-control");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tracker-control-timeout");
        t.setDaemon(true);
        return t;
    });
    private ServerSocketChannel server;
    private Thread acceptor;

    public ControlServer(Path socket, CommandHandler handler, TrackerJson json, String owner) {
        this(socket, handler, json, owner, CONNECTION_TIMEOUT);
    }

    ControlServer(Path socket, CommandHandler handler, TrackerJson json, String owner, Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
        this.socket = socket;
        this.handler = handler;
        this.json = json;
        this.owner = owner;
    }

    public void start() {
        try {
            Path dir = socket.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            removeStaleSocket();
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        acceptor = new Thread(this::acceptLoop, "tracker-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Listening on {}", socket);
    }

    private void removeStaleSocket() throws IOException {
        if (!Files.exists(socket)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new BrevetException(ErrorKind.CONFLICT, "another tracker daemon is listening on " + socket);
        } catch (IOException dead) {
            Files.delete(socket);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                connections.execute(() -> serve(ch));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("accept on {} failed: {}", socket, e.getMessage());
                }
            }
        }
    }

    /**
     * One connection: the peer is checked before anything is read, and a connection that has not finished
     * within the connection timeout (30 s) is closed, so a silent client cannot hold a handler thread.
     */
    private void serve(SocketChannel ch) {
        ScheduledFuture<?> watchdog = timeouts.schedule(() -> closeQuietly(ch), connectionTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try (ch) {
            Peer peer = peerOf(ch);
            Reply reply;
            if (!mayManage(peer)) {
                LOG.warn("Client's user {} is not allowed to manage this daemon (owner {}), ignoring.", peer.user(), owner);
                reply = Reply.failure(Reply.Status.DENIED, "Insufficient access.  Please retry operation as root.");
            } else {
                Optional<String> line = LineFraming.read(Channels.newInputStream(ch));
                if (line.isEmpty()) {
                    return;
                }
                reply = handle(line.get(), peer);
            }
            LineFraming.write(Channels.newOutputStream(ch), json.encode(reply));
        } catch (IOException | RuntimeException e) {
            LOG.warn("control connection failed: {}", e.toString());
        } finally {
            watchdog.cancel(false);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private Reply handle(String line, Peer peer) {
        Command command;
        try {
            command = json.decodeCommand(line);
        } catch (BrevetException e) {
            return Reply.failure(Reply.Status.BAD_ARG, e.detail());
        }
        LOG.debug("User {} called {}.", peer.user(), command.getClass().getSimpleName());
        try {
            return handler.handle(command, peer);
        } catch (BrevetException e) {
            Reply.Status status = switch (e.kind()) {
                case NOT_FOUND -> Reply.Status.NOT_FOUND;
                case CONFLICT -> Reply.Status.DUPLICATE;
                case UNAUTHORIZED -> Reply.Status.DENIED;
                case MALFORMED, UNKNOWN_PROFILE, REJECTED_BY_POLICY -> Reply.Status.BAD_ARG;
                default -> Reply.Status.INTERNAL;
            };
            return Reply.failure(status, e.detail());
        } catch (RuntimeException e) {
            LOG.error("command {} failed", command.getClass().getSimpleName(), e);
            return Reply.failure(Reply.Status.INTERNAL, "internal error in the tracker daemon; see its log");
        }
    }

    boolean mayManage(Peer peer) {
        return peer.isRoot() || peer.user().equals(owner);
    }

    private static Peer peerOf(SocketChannel ch) throws IOException {
        UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return new Peer(p.user().getName());
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", socket, e.getMessage());
        }
        connections.shutdownNow();
        timeouts.shutdownNow();
    }
}
