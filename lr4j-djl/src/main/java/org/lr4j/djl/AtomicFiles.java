package org.lr4j.djl;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file to a temporary name in the same folder, flushes it to disk, then renames it over the
 * target in one atomic step: a reader, or a process killed at any moment, sees the old file or the new
 * one, never a part.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes what {@code body} puts into the stream. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException when writing or renaming fails (the temporary file is removed)
     */
    static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                body.write(out);
                out.flush();
                out.getChannel().force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames {@code tmp} over {@code target} atomically (a file the caller wrote in the same folder).
     *
     * @throws IOException when the rename fails
     */
    static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
