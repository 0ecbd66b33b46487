package org.lr4j.internal;

import org.lr4j.schedule.InvalidValueException;

/**
 * Argument checks that refuse a value with an {@link InvalidValueException} naming the parameter, the
 * rule and the offending value, e.g. {@code cycle_mul must be > 0, got -1.0}; a null is refused with a
 * {@link NullPointerException}, as Java's convention has it.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails unless {@code value} is a finite number. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(name, "must be a finite number", String.valueOf(value));
        }
        return value;
    }

    /** Fails unless {@code value > 0} and finite. */
    public static double positive(String name, double value) {
        finite(name, value);
        if (!(value > 0)) {
            throw new InvalidValueException(name, "must be > 0", String.valueOf(value));
        }
        return value;
    }

    /** Fails unless {@code value >= 0} and finite. */
    public static double nonNegative(String name, double value) {
        finite(name, value);
        if (!(value >= 0)) {
            throw new InvalidValueException(name, "must be >= 0", String.valueOf(value));
        }
        return value;
    }

    /** Fails unless {@code value > 0}. */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new InvalidValueException(name, "must be > 0", String.valueOf(value));
        }
        return value;
    }

    /** Fails unless {@code value >= 0}. */
    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidValueException(name, "must be >= 0", String.valueOf(value));
        }
        return value;
    }

    /** Fails unless {@code lo <= value <= hi} (NaN fails too); the message states the interval. */
    public static double between(String name, double value, double lo, double hi, String qualifier) {
        if (!(value >= lo && value <= hi)) {
            throw new InvalidValueException(name, "must be in [" + lo + ", " + hi + "]" + qualifier,
                    String.valueOf(value));
        }
        return value;
    }

    /**
     * Fails when {@code value} is null.
     *
     * @throws NullPointerException {@code NAME must be given, got null}
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name + " must be given, got null");
        }
        return value;
    }

    /**
     * The error for {@code parameter}, whose value (as shown) breaks the rule {@code must RULE}
     * ({@code rule} is {@code be > 0}, {@code not be given ...}).
     */
    public static InvalidValueException invalid(String parameter, String rule, Object value) {
        return new InvalidValueException(parameter, "must " + rule, String.valueOf(value));
    }
}
