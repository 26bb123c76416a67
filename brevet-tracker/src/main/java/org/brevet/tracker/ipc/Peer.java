package org.brevet.tracker.ipc;

/** The user on the other end of a control connection, from the kernel's peer credentials (SO_PEERCRED). */
public record Peer(String user) {
    public boolean isRoot() {
        return "root".equals(user);
    }
}
