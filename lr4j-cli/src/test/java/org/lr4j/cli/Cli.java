package org.lr4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/** Runs the command line in-process and captures its exit status, stdout and stderr. */
record Cli(int status, String out, String err) {
    /** The most characters of stdout kept: a long table streams on, the rest is counted and dropped. */
    static final int KEPT = 20_000_000;

    static Cli run(String... args) {
        Capped out = new Capped();
        StringWriter err = new StringWriter();
        int status = Lr4j.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.text.toString() + (out.dropped > 0 ? "...[" + out.dropped + " more chars]" : ""),
                err.toString());
    }

    /** A writer that keeps the first {@link #KEPT} characters. */
    private static final class Capped extends Writer {
        private final StringBuilder text = new StringBuilder();
        private long dropped;

        @Override
        public void write(char[] cbuf, int off, int len) {
            int keep = Math.max(0, Math.min(len, KEPT - text.length()));
            text.append(cbuf, off, keep);
            dropped += len - keep;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** The bad-input contract: status 2, one line on stderr, nothing on stdout, no stack trace. */
    void assertBadInput(String mustMention) {
        org.junit.jupiter.api.Assertions.assertEquals(2, status, () -> "status of " + this);
        org.junit.jupiter.api.Assertions.assertEquals("", out, () -> "stdout of " + this);
        String[] lines = err.strip().split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.length, () -> "stderr lines of " + this);
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat "), () -> "stack trace in " + this);
        org.junit.jupiter.api.Assertions.assertTrue(err.contains(mustMention),
                () -> "stderr should mention " + mustMention + ": " + err);
    }
}
