package org.lr4j.schedule;

import java.util.Objects;

/**
 * A value that breaks its parameter's rule, refused with the three facts a reader needs: the parameter
 * (timm's snake_case name, or the flag or file it came from), the rule, and the value. The message is
 * made from them: {@code PARAMETER RULE, got VALUE}, e.g. {@code cycle_mul must be > 0, got -1.0}.
 *
 * <p>Code that shows the error under another name renames the parameter on the object, never by
 * rewriting the message: the factory turns {@code cycle_mul} into train.py's {@code lr_cycle_mul},
 * the command line into {@code --lr-cycle-mul}, timm 0.4's tanh into {@code t_mul}:
 * <pre>{@code
 * InvalidValueException e = new InvalidValueException("cycle_mul", "must be > 0", "-1.0");
 * e.getMessage();                        // cycle_mul must be > 0, got -1.0
 * e.named("lr_cycle_mul").getMessage();  // lr_cycle_mul must be > 0, got -1.0
 * }</pre>
 * (asserted by {@code InvalidValueExceptionTest}). Immutable.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial the parameter's name as shown */
    private final String parameter;
    /** @serial what the value must do: {@code must be > 0}, {@code must not be given ...} */
    private final String rule;
    /** @serial the value as shown */
    private final String value;

    /**
     * An error for {@code parameter}, whose value {@code value} breaks {@code rule}.
     *
     * @param parameter the parameter's name as shown ({@code cycle_decay}, {@code --epochs})
     * @param rule what the value must do, as a predicate ({@code must be > 0})
     * @param value the value as shown ({@code -1.0}, {@code "yes"}, {@code none})
     * @throws NullPointerException when an argument is null
     */
    public InvalidValueException(String parameter, String rule, String value) {
        this(parameter, rule, value, null);
    }

    private InvalidValueException(String parameter, String rule, String value, Throwable cause) {
        super(Objects.requireNonNull(parameter, "parameter") + " " + Objects.requireNonNull(rule, "rule")
                + ", got " + Objects.requireNonNull(value, "value"), cause);
        this.parameter = parameter;
        this.rule = rule;
        this.value = value;
    }

    /**
     * The same error under the name {@code parameter} (same rule, value and stack), with this one as
     * its cause.
     *
     * @param parameter the name to show instead ({@code --lr-cycle-mul} for {@code cycle_mul})
     * @return a new exception, whose message names {@code parameter}
     * @throws NullPointerException when {@code parameter} is null
     */
    public InvalidValueException named(String parameter) {
        InvalidValueException renamed = new InvalidValueException(parameter, rule, value, this);
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }

    /** {@return the parameter's name as shown ({@code cycle_decay}, {@code lr_noise[1]}, {@code --epochs})} */
    public String parameter() {
        return parameter;
    }

    /** {@return what the value must do, as a predicate ({@code must be > 0})} */
    public String rule() {
        return rule;
    }

    /** {@return the value as shown} */
    public String value() {
        return value;
    }
}
