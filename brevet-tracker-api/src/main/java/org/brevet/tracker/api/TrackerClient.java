package org.brevet.tracker.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * getcert's side of the control socket: one connection per command, one JSON line each way
 * ({@link LineFraming}). A daemon that is not running is an {@link ErrorKind#UNAVAILABLE} error whose
 * detail is the one line getcert prints.
 */
public final class TrackerClient {
    private final Path socket;
    private final TrackerJson json;

    public TrackerClient(Path socket, TrackerJson json) {
        this.socket = socket;
        this.json = json;
    }

    public Path socket() {
        return socket;
    }

    public Reply send(Command command) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE,
                        "cannot connect to the tracker daemon at " + socket + " (" + e.getMessage()
                                + "); please verify that brevet-tracker has been started", e);
            }
            LineFraming.write(Channels.newOutputStream(ch), json.encode(command));
            ch.shutdownOutput();
            String line = LineFraming.read(Channels.newInputStream(ch))
                    .orElseThrow(() -> new BrevetException(ErrorKind.UNAVAILABLE,
                            "the tracker daemon at " + socket + " closed the connection without answering"));
            return json.decodeReply(line);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "talking to the tracker daemon at " + socket
                    + " failed: " + e.getMessage(), e);
        }
    }

}
