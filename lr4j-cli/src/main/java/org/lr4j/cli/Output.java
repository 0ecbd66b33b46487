package org.lr4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lr4j.state.AtomicFiles;

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
            throw new UsageError(file + ": cannot write: " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
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
