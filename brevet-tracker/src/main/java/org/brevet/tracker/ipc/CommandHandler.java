package org.brevet.tracker.ipc;

import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;

/** Carries out one getcert command for an authorised peer. */
public interface CommandHandler {
    Reply handle(Command command, Peer peer);
}
