package org.lr4j.schedule;

import org.lr4j.internal.Checks;
/**
 * Which timm the semantics follow.
 *
 * <p>{@link #CURRENT} is today's timm. {@link #TIMM_0_4} is the 0.4 series that the tanh tutorial was
 * written against: for tanh the defaults {@code lb = -6}, {@code ub = 4}, {@code cycle_limit = 0}
 * (unlimited), {@code lr_min} scaled with each cycle's decay, {@code lr_scale} ignored when writing
 * groups, and {@code cycle_length} that never adds {@code warmup_t}.
 */
public enum Profile {
    /** Current timm. */
    CURRENT("current"),
    /** timm 0.4 (the tutorial's API: {@code t_mul}, {@code decay_rate}). */
    TIMM_0_4("0.4");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    /** {@return {@code current} or {@code 0.4}} */
    public String label() {
        return label;
    }

    /**
     * The profile labelled {@code label} ({@code current}, {@code 0.4}; {@code 0.4.x} is taken as 0.4).
     *
     * @param label {@code current}, {@code 0.4} or {@code 0.4.x}; null means {@code current}
     * @return {@link #CURRENT} or {@link #TIMM_0_4}
     * @throws IllegalArgumentException for any other label ({@code timm must be current or 0.4, got 0.9})
     */
    public static Profile fromLabel(String label) {
        if (label == null || label.equals("current")) {
            return CURRENT;
        }
        if (label.equals("0.4") || label.startsWith("0.4.")) {
            return TIMM_0_4;
        }
        throw Checks.invalid("timm", "be current or 0.4", label);
    }
}
