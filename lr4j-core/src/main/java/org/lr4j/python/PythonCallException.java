package org.lr4j.python;

/**
 * A Python call lr4j cannot read or build, pointing at the offending character: {@link #column()}
 * (1-based) in {@link #source()}. {@link #getMessage()} is the reason, the source and a caret under the
 * column (three lines); {@link #oneLine()} says the same on one line, the caret inside the source.
 *
 * <pre>
 * column 24: OneCycleLR() got an unexpected keyword argument 'total_step'
 *   OneCycleLR(max_lr=0.1, total_step=1000)
 *                          ^
 * </pre>
 */
public final class PythonCallException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int column;
    private final String reason;

    /**
     * An error at {@code offset} (0-based) of {@code source}.
     *
     * @param source the call's text
     * @param offset where the offending character is, 0-based (clamped to the text)
     * @param reason what is wrong, in words
     */
    public PythonCallException(String source, int offset, String reason) {
        this(source, offset, reason, null);
    }

    /** As {@link #PythonCallException(String, int, String)}, with the exception that caused it. */
    public PythonCallException(String source, int offset, String reason, Throwable cause) {
        super(format(source, offset, reason), cause);
        this.source = source;
        this.column = Math.max(0, Math.min(offset, source.length())) + 1;
        this.reason = reason;
    }

    private static String format(String source, int offset, String reason) {
        int o = Math.max(0, Math.min(offset, source.length()));
        return "column " + (o + 1) + ": " + reason + "\n  " + source + "\n  " + " ".repeat(o) + "^";
    }

    /** The call's text. */
    public String source() {
        return source;
    }

    /** The offending character's column, 1-based. */
    public int column() {
        return column;
    }

    /** What is wrong, without position. */
    public String reason() {
        return reason;
    }

    /**
     * The error on one line: {@code column 24: REASON: OneCycleLR(max_lr=0.1, ^total_step=1000)}, the
     * caret {@code ^} just before the offending character.
     */
    public String oneLine() {
        int o = column - 1;
        return "column " + column + ": " + reason + ": " + source.substring(0, o) + "^" + source.substring(o);
    }
}
