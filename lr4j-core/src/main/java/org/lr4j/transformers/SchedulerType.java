package org.lr4j.transformers;

import org.lr4j.schedule.InvalidValueException;
/**
 * transformers' {@code SchedulerType}: the names {@code get_scheduler(name, ...)} and the Trainer's
 * {@code lr_scheduler_type} accept, and the function each maps to ({@code TYPE_TO_SCHEDULER_FUNCTION}).
 */
public enum SchedulerType {
    /** {@code "linear"}. */
    LINEAR("linear", "get_linear_schedule_with_warmup"),
    /** {@code "cosine"}. */
    COSINE("cosine", "get_cosine_schedule_with_warmup"),
    /** {@code "cosine_with_restarts"}. */
    COSINE_WITH_RESTARTS("cosine_with_restarts", "get_cosine_with_hard_restarts_schedule_with_warmup"),
    /** {@code "polynomial"}. */
    POLYNOMIAL("polynomial", "get_polynomial_decay_schedule_with_warmup"),
    /** {@code "constant"}. */
    CONSTANT("constant", "get_constant_schedule"),
    /** {@code "constant_with_warmup"}. */
    CONSTANT_WITH_WARMUP("constant_with_warmup", "get_constant_schedule_with_warmup"),
    /** {@code "inverse_sqrt"}. */
    INVERSE_SQRT("inverse_sqrt", "get_inverse_sqrt_schedule"),
    /** {@code "reduce_lr_on_plateau"}. */
    REDUCE_ON_PLATEAU("reduce_lr_on_plateau", "get_reduce_on_plateau_schedule"),
    /** {@code "cosine_with_min_lr"}. */
    COSINE_WITH_MIN_LR("cosine_with_min_lr", "get_cosine_with_min_lr_schedule_with_warmup"),
    /** {@code "cosine_warmup_with_min_lr"}. */
    COSINE_WARMUP_WITH_MIN_LR("cosine_warmup_with_min_lr", "get_cosine_with_min_lr_schedule_with_warmup_lr_rate"),
    /** {@code "warmup_stable_decay"}. */
    WARMUP_STABLE_DECAY("warmup_stable_decay", "get_wsd_schedule");

    private final String value;
    private final String functionName;

    SchedulerType(String value, String functionName) {
        this.value = value;
        this.functionName = functionName;
    }

    /** {@return the name as transformers spells it ({@code "cosine_with_restarts"})} */
    public String value() {
        return value;
    }

    /** {@return the schedule function it maps to ({@code "get_cosine_with_hard_restarts_schedule_with_warmup"})} */
    public String functionName() {
        return functionName;
    }

    /**
     * The type transformers spells {@code name}.
     *
     * @param name transformers' name of the type ({@code linear}, {@code cosine}, {@code warmup_stable_decay}, ...)
     * @return the type
     * @throws IllegalArgumentException for another name (transformers: {@code is not a valid SchedulerType})
     */
    public static SchedulerType of(String name) {
        StringBuilder all = new StringBuilder();
        for (SchedulerType t : values()) {
            if (t.value.equals(name)) {
                return t;
            }
            all.append(all.length() > 0 ? ", " : "").append('\'').append(t.value).append('\'');
        }
        throw new InvalidValueException("name", "must be a SchedulerType, one of " + all + " (" + name + " is not a valid SchedulerType)",
                String.valueOf(name));
    }
}
