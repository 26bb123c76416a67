package org.brevet.ca.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of one audit directory, oldest first, and reading their last line without reading them whole. */
final class AuditFiles {
    private AuditFiles() {
    }

    /** Rolled-over files ({@code ca_audit.<timestamp>}) in name order, then {@code ca_audit} if it exists. */
    static List<Path> inOrder(Path dir) throws IOException {
        List<Path> rolled = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().startsWith(FileAuditLog.FILE_NAME + "."))
                        .filter(Files::isRegularFile).sorted().forEach(rolled::add);
            }
        }
        Path current = dir.resolve(FileAuditLog.FILE_NAME);
        if (Files.isRegularFile(current)) {
            rolled.add(current);
        }
        return rolled;
    }

    /** Offset of the last '\n' before {@code size}, or -1. */
    static long lastNewline(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] chunk = new byte[8192];
            long end = size;
            while (end > 0) {
                int n = (int) Math.min(chunk.length, end);
                f.seek(end - n);
                f.readFully(chunk, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        return end - n + i;
                    }
                }
                end -= n;
            }
            return -1;
        }
    }

    /** The last complete line (without its newline), or null when the file has none. */
    static String lastLine(Path file) throws IOException {
        long size = Files.size(file);
        long end = lastNewline(file, size);
        if (end < 0) {
            return null;
        }
        long start = lastNewline(file, end) + 1;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] line = new byte[Math.toIntExact(end - start)];
            f.seek(start);
            f.readFully(line);
            return new String(line, StandardCharsets.UTF_8);
        }
    }

    /** Reads lines split on '\n' only (a '\r' stays part of the line); a last line without newline is reported too. */
    interface LineSink {
        boolean line(String text, boolean terminated);
    }

    static void forEachLine(Path file, LineSink sink) throws IOException {
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 65536)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    if (!sink.line(line.toString(StandardCharsets.UTF_8), true)) {
                        return;
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                sink.line(line.toString(StandardCharsets.UTF_8), false);
            }
        }
    }
}
