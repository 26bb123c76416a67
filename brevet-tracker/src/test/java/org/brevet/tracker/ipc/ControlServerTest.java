package org.brevet.tracker.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.TrackerClient;
import org.brevet.tracker.api.TrackerJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {
    @TempDir
    Path dir;

    @Test
    void commandGoesThroughTheSocket_withThePeersUserFromTheKernel() {
        List<Peer> peers = new ArrayList<>();
        CommandHandler handler = (c, p) -> {
            peers.add(p);
            return Reply.ok("got " + c.getClass().getSimpleName());
        };
        Path socket = dir.resolve("run/socket");
        try (ControlServer server = new ControlServer(socket, handler, new TrackerJson(), System.getProperty("user.name"))) {
            server.start();

            Reply reply = new TrackerClient(socket, new TrackerJson()).send(new Command.ListCas());

            assertThat(reply.message()).isEqualTo("got ListCas");
            assertThat(peers).containsExactly(new Peer(System.getProperty("user.name")));
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void handlerErrors_becomeTypedReplies() {
        CommandHandler handler = (c, p) -> {
            throw new BrevetException(ErrorKind.NOT_FOUND, "No request found that matched arguments.");
        };
        Path socket = dir.resolve("s");
        try (ControlServer server = new ControlServer(socket, handler, new TrackerJson(), System.getProperty("user.name"))) {
            server.start();

            Reply reply = new TrackerClient(socket, new TrackerJson()).send(new Command.ListRequests());

            assertThat(reply.status()).isEqualTo(Reply.Status.NOT_FOUND);
            assertThat(reply.message()).isEqualTo("No request found that matched arguments.");
        }
    }

    @Test
    void peerPolicy_rootManagesAll_othersOnlyTheirOwnDaemon() {
        ControlServer sessionOfAlice = new ControlServer(dir.resolve("a"), (c, p) -> Reply.ok(""), new TrackerJson(), "alice");
        ControlServer system = new ControlServer(dir.resolve("b"), (c, p) -> Reply.ok(""), new TrackerJson(), "root");

        assertThat(sessionOfAlice.mayManage(new Peer("alice"))).isTrue();
        assertThat(sessionOfAlice.mayManage(new Peer("root"))).isTrue();
        assertThat(sessionOfAlice.mayManage(new Peer("bob"))).isFalse();
        assertThat(system.mayManage(new Peer("root"))).isTrue();
        assertThat(system.mayManage(new Peer("alice"))).isFalse();
    }

    @Test
    void secondDaemonOnTheSameSocket_isRefused() {
        Path socket = dir.resolve("s");
        try (ControlServer first = new ControlServer(socket, (c, p) -> Reply.ok(""), new TrackerJson(), "root")) {
            first.start();
            ControlServer second = new ControlServer(socket, (c, p) -> Reply.ok(""), new TrackerJson(), "root");

            assertThatThrownBy(second::start).isInstanceOf(BrevetException.class).hasMessageContaining("another tracker daemon");
        }
    }

    @Test
    void silentClients_areCutOff_soRealCommandsStillGetThrough() throws Exception {
        Path socket = dir.resolve("s");
        List<java.nio.channels.SocketChannel> silent = new ArrayList<>();
        try (ControlServer server = new ControlServer(socket, (c, p) -> Reply.ok("served"), new TrackerJson(),
                System.getProperty("user.name"), java.time.Duration.ofMillis(200))) {
            server.start();
            for (int i = 0; i < 6; i++) {
                java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                ch.connect(java.net.UnixDomainSocketAddress.of(socket));
                silent.add(ch);
            }

            Reply reply = new TrackerClient(socket, new TrackerJson()).send(new Command.ListCas());

            assertThat(reply.message()).isEqualTo("served");
        } finally {
            for (var ch : silent) {
                ch.close();
            }
        }
    }
}
