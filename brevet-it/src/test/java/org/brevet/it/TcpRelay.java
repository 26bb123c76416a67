package org.brevet.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server (PostgreSQL), which a test can cut ({@link #cut}: every
 * connection reset, new ones refused) and restore ({@link #restore}: the same port accepts again), as a
 * database host that goes away and comes back.
 */
final class TcpRelay implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private TcpRelay(int targetPort, int port) {
        this.targetPort = targetPort;
        this.port = port;
    }

    static TcpRelay to(int targetPort) throws IOException {
        TcpRelay relay = new TcpRelay(targetPort, ServedInstance.freePort());
        relay.restore();
        return relay;
    }

    int port() {
        return port;
    }

    /** Accepts connections again on the same port. */
    synchronized void restore() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        Thread accept = new Thread(() -> accept(s), "relay-accept-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    /** Stops listening and resets every open connection. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            if (!socket.isClosed()) {
                try {
                    socket.setSoLinger(true, 0); // a reset, as when the host goes away
                } catch (IOException e) {
                    // closed meanwhile by its pump
                }
                closeQuietly(socket);
            }
        }
        sockets.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed or the relay was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
