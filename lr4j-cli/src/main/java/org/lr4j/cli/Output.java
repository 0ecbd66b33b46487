package org.lr4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.IoErrors;

/** Where a command's text goes: stdout, or a file written atomically once the text is complete. */
final class Output {
    private Output() {
    }

    /**
     * Writes {@code text} to {@code file} atomically, or to {@code out} when {@code file} is null or "-".
     *
     * @throws UsageError naming the file when it cannot be written
     */
    static void emit(Path file, String text, PrintWriter out) {
        if (file == null || file.toString().equals("-")) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /**
     * Prints the warnings, if any, as ONE line on {@code err}: {@code lr4j: warning: A; B}.
     */
    static void warn(PrintWriter err, List<String> warnings) {
        if (!warnings.isEmpty()) {
            err.println(WARNING + String.join("; ", warnings));
            err.flush();
        }
    }

    /** The start of a warning line. */
    static final String WARNING = "lr4j: warning: ";

    /**
     * The one way the command line words a failed write: {@code FILE: cannot write: REASON}, naming the
     * user's file (or the file under the user's folder that failed) and the reason in words
     * ({@link IoErrors#reason}), never an exception class or a temporary file.
     */
    static UsageError cannotWrite(Path file, IOException e) {
        Path named = e instanceof FileSystemException f && f.getFile() != null && !f.getFile().endsWith(".tmp")
                ? Path.of(f.getFile()) : file;
        return new UsageError(named + ": cannot write: " + IoErrors.reason(e), e);
    }

    /**
     * The one way the command line words a failed read: {@code FILE: no such file} or
     * {@code FILE: cannot read: REASON}.
     */
    static UsageError cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UsageError(file + ": no such file", e);
        }
        return new UsageError(file + ": cannot read: " + IoErrors.reason(e), e);
    }

    /** A growing UTF-8 text buffer. */
    static final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));

        PrintWriter writer() {
            return writer;
        }

        String text() {
            writer.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
