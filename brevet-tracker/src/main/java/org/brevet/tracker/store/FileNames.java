package org.brevet.tracker.store;

import java.nio.charset.StandardCharsets;

/** File names for ids and nicknames: safe characters kept, anything else percent-encoded (so ids stay readable). */
final class FileNames {
    private FileNames() {
    }

    static String of(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || (c == '.' && out.length() > 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
