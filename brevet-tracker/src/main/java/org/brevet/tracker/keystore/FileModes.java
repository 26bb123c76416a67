package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * getcert's {@code -o/-O USER[:GROUP]} and {@code -m/-M MODE}: applied after each save. As certmonger does,
 * a failure to change owner is logged and the save goes on.
 */
public final class FileModes {
    private static final Logger LOG = LoggerFactory.getLogger(FileModes.class);

    private FileModes() {
    }

    public static Set<PosixFilePermission> of(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }

    public static void applyOwner(Path file, String owner) {
        if (owner == null) {
            return;
        }
        String[] parts = owner.split(":", 2);
        try {
            UserPrincipalLookupService lookup = file.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (!parts[0].isEmpty()) {
                UserPrincipal user = lookup.lookupPrincipalByName(parts[0]);
                view.setOwner(user);
            }
            if (parts.length > 1 && !parts[1].isEmpty()) {
                GroupPrincipal group = lookup.lookupPrincipalByGroupName(parts[1]);
                view.setGroup(group);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Error setting ownership on file \"{}\": {}.  Continuing", file, e.getMessage());
        }
    }
}
