package org.lr4j.python;

import java.util.Optional;
import org.lr4j.schedule.InvalidValueException;

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
    /** @serial the call's text */
    private final String source;
    /** @serial the offending character's column, 1-based */
    private final int column;
    /** @serial what is wrong, in words, without position */
    private final String reason;

    /**
     * An error at {@code offset} (0-based, clamped to the text) of {@code source}; {@code cause} may be
     * null, and is the typed refusal ({@link #invalidValue()}) where one argument breaks a rule.
     *
     * @param source the call's text
     * @param offset where the offending character is, 0-based (clamped to the text)
     * @param reason what is wrong, in words
     * @param cause the typed refusal or other exception that caused it, or null
     */
    PythonCallException(String source, int offset, String reason, Throwable cause) {
        super("", cause);
        this.source = source;
        this.column = Math.max(0, Math.min(offset, source.length())) + 1;
        this.reason = reason;
    }

    /** {@return the reason, the source and a caret under the column (three lines)} */
    @Override
    public String getMessage() {
        return "column " + column + ": " + reason + "\n  " + source + "\n  " + " ".repeat(column - 1) + "^";
    }

    /** {@return the call's text} */
    public String source() {
        return source;
    }

    /** {@return the offending character's column, 1-based} */
    public int column() {
        return column;
    }

    /** {@return what is wrong, without position} */
    public String reason() {
        return reason;
    }

    /**
     * Where one argument breaks a rule (a value of the wrong type, or a value the scheduler's builder
     * refuses): the typed error, with the reference's parameter name, the rule and the value; empty where
     * the call itself cannot be read or bound (syntax, an unknown scheduler or keyword).
     *
     * @return the typed refusal that caused this error, or empty
     */
    public Optional<InvalidValueException> invalidValue() {
        return getCause() instanceof InvalidValueException e ? Optional.of(e) : Optional.empty();
    }

    /**
     * The error on one line: {@code column 24: REASON: OneCycleLR(max_lr=0.1, ^total_step=1000)}, the
     * caret {@code ^} just before the offending character.
     *
     * @return the one-line form, as the command line prints it
     */
    public String oneLine() {
        int o = column - 1;
        return "column " + column + ": " + reason + ": " + source.substring(0, o) + "^" + source.substring(o);
    }
}
