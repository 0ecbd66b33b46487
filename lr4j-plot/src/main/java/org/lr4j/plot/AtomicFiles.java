package org.lr4j.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers never see it half-written: the content goes to a temporary file in the
 * same directory, which is then renamed over the target (atomically where the file system can).
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("lr.png"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {
    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the whole content to {@code out} (not closing it is fine).
         *
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * A temporary file is created readable by its owner only; give it the target's permissions when the
     * target exists, else {@code rw-r--r--}, as a plainly created file would have (POSIX file systems).
     */
    private static void readableByAll(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Writes {@code target} through a temporary file in its directory, then renames it. On failure the
     * temporary file is removed and the target is left as it was.
     *
     * @param target the file to create or replace; its directory must exist
     * @param writer what writes the content
     * @throws IOException when the directory does not exist or is not writable, or writing fails
     * @throws IllegalArgumentException when {@code target} or {@code writer} is null
     */
    public static void write(Path target, Writer writer) throws IOException {
        if (target == null || writer == null) {
            throw new IllegalArgumentException("target and writer must not be null");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            readableByAll(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
