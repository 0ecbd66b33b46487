package org.lr4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its exit status, stdout and stderr. */
record Cli(int status, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Lr4j.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
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
