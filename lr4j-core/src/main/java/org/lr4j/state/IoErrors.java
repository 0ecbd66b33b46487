package org.lr4j.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in words a user reads: {@code permission denied}, {@code no such file or
 * folder}, {@code /etc/passwd is a file, not a folder}, {@code no space left on device}. Never a Java
 * exception class name, and never the name of a temporary file ({@link AtomicFiles} already reports its
 * failures against the target).
 *
 * <pre>{@code
 * try {
 *     AtomicFiles.writeString(file, text);
 * } catch (IOException e) {
 *     System.err.println(file + ": cannot write: " + IoErrors.reason(e));
 * }
 * }</pre>
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The reason of {@code e} in words, without the path it concerns (the caller names the user's path),
     * except where the path is the reason ({@code /etc/passwd is a file, not a folder}).
     *
     * @param e the failure to describe
     * @return the reason in words, e.g. {@code permission denied}
     * @throws NullPointerException when {@code e} is null
     */
    public static String reason(IOException e) {
        if (e == null) {
            throw new NullPointerException("e must not be null");
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() == null ? "a file is in the way" : f.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            return words(f.getReason());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException) {
            return "input/output error";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : words(m);
    }

    /** An operating system's reason ("Is a directory") as lr4j words it ("is a folder"). */
    private static String words(String osReason) {
        String r = osReason.strip();
        String lower = r.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "is a directory" -> "is a folder";
            case "not a directory" -> "not a folder";
            case "directory not empty" -> "folder not empty";
            default -> r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        };
    }
}
