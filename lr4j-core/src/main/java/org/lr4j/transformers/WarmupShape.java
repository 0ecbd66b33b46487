package org.lr4j.transformers;

import org.lr4j.schedule.InvalidValueException;
/**
 * The shapes of {@code get_wsd_schedule}'s warmup and decay ({@code warmup_type}, {@code decay_type}),
 * each a factor of {@code progress} in [0, 1]:
 * <pre>
 *   linear:  warmup progress              decay 1 - progress
 *   cosine:  warmup 0.5 (1 - cos(pi p))   decay 0.5 (1 + cos(pi * num_cycles * 2 * p))
 *   1-sqrt:  warmup 1 - sqrt(1 - p)       decay 1 - sqrt(p)
 * </pre>
 */
public enum WarmupShape {
    /** {@code "linear"}. */
    LINEAR("linear"),
    /** {@code "cosine"}. */
    COSINE("cosine"),
    /** {@code "1-sqrt"}. */
    ONE_MINUS_SQRT("1-sqrt");

    private final String pythonName;

    WarmupShape(String pythonName) {
        this.pythonName = pythonName;
    }

    /** {@return transformers' spelling} */
    public String pythonName() {
        return pythonName;
    }

    /**
     * The shape transformers spells {@code name}, for the parameter {@code parameter}.
     *
     * @param parameter the parameter it is given as ({@code warmup_type} or {@code decay_type}), for the message
     * @param name {@code linear}, {@code cosine} or {@code 1-sqrt}
     * @return the shape
     * @throws IllegalArgumentException for another name (transformers: {@code Unknown warmup type})
     */
    public static WarmupShape of(String parameter, String name) {
        for (WarmupShape s : values()) {
            if (s.pythonName.equals(name)) {
                return s;
            }
        }
        String what = parameter.startsWith("warmup") ? "warmup" : "decay";
        throw new InvalidValueException(parameter, "must be 'linear', 'cosine' or '1-sqrt' (Unknown " + what
                + " type: " + name + ")", String.valueOf(name));
    }
}
