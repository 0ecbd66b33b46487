package org.lr4j.cli;

/** Bad input from the user (a flag, a value or a file): exit status 2 and one line on stderr. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message names the flag or file and what was wrong. */
    public UsageError(String message) {
        super(message);
    }

    /** An error whose message names the flag or file and what was wrong, with its cause (for --debug). */
    public UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
