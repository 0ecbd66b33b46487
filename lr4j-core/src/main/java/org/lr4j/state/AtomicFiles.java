package org.lr4j.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that they are never half-written: the content goes to a temporary file in the same
 * directory, which is flushed to disk and then renamed over the target. A crash or a kill at any moment
 * leaves either the old file or the new one, never a mix.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("state.json"), json);
 * }</pre>
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content to {@code out}.
         *
         * @param out the temporary file's stream; {@link AtomicFiles} flushes and closes it
         * @throws IOException when writing fails; the target is then left unchanged
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target} atomically, creating missing parent directories.
     *
     * @param target the file to create or replace
     * @param content what writes its bytes, into a temporary file beside it that is then renamed
     * @throws IOException when the directory or file cannot be written; the target is then unchanged.
     *     It is a {@link FileSystemException} naming {@code target} (never the temporary file) with the
     *     reason in words ({@link IoErrors#reason} gives them back)
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            createDirectories(dir);
        } catch (FileSystemException e) {
            throw failed(target, e.getReason(), e);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (NoSuchFileException e) {
            // the folder exists (created above) yet refuses new files: /proc, /sys
            throw failed(target, "cannot create a file in " + dir, e);
        } catch (IOException e) {
            throw failed(target, IoErrors.reason(e), e);
        }
        try {
            permitLikeANewFile(tmp, abs);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                    // buffered: a ZipOutputStream writes in 512-byte pieces, one system call each without it
                    OutputStream out = new java.io.BufferedOutputStream(
                            java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failed(target, IoErrors.reason(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates {@code dir} and its missing parents, as {@link Files#createDirectories} does.
     *
     * @param dir the folder to create; nothing happens when it exists
     * @throws FileSystemException naming {@code dir}, with the reason in words: {@code permission denied},
     *     {@code /a/b is a file, not a folder}, {@code cannot create a folder in /proc}
     */
    public static void createDirectories(Path dir) throws FileSystemException {
        try {
            Files.createDirectories(dir);
        } catch (NoSuchFileException e) {
            // an existing ancestor refuses new folders: /proc, /sys
            Path existing = dir.toAbsolutePath();
            while (existing.getParent() != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            throw failed(dir, "cannot create a folder in " + existing, e);
        } catch (IOException e) {
            // a file where a folder must be: name it ("/a/b is a file, not a folder")
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw failed(dir, p + " is a file, not a folder", e);
                }
            }
            throw failed(dir, IoErrors.reason(e), e);
        }
    }

    /**
     * A failure reported against the file the caller named, never the temporary file: its
     * {@link FileSystemException#getFile()} is {@code target} and its reason the words of
     * {@link IoErrors#reason}.
     */
    private static FileSystemException failed(Path target, String reason, IOException cause) {
        FileSystemException e = new FileSystemException(target.toString(), null, reason);
        e.initCause(cause);
        return e;
    }

    /**
     * A temporary file is created owner-only (0600); give it the target's permissions, or those of an
     * ordinary new file (0644), so that the rename does not make files unreadable to others.
     */
    private static void permitLikeANewFile(Path tmp, Path target) throws IOException {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stand
        }
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param bytes its new content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param text its new content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
