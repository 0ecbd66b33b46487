package org.lr4j.schedule;

/**
 * timm's linear warmup in front of a schedule: for {@code t < warmup_t} the value is
 * {@code warmup_lr_init + t * (target - warmup_lr_init) / warmup_t}; after it the wrapped schedule
 * continues at {@code t} ({@code warmup_prefix = false}) or at {@code t - warmup_t}
 * ({@code warmup_prefix = true}).
 *
 * <p>The target is {@code base} with a prefix, and otherwise either {@code base} (cosine, poly, step,
 * multistep) or the wrapped schedule's own value at {@code warmup_t} (tanh).
 *
 * <p>Example (asserted by the tests): base 0.1, {@code warmup_t = 4}, {@code warmup_lr_init = 0.02},
 * target base, wrapping a constant: {@code t = 0, 1, 2} give {@code 0.02, 0.04, 0.06}. Immutable.
 */
public final class Warmup implements Schedule {
    final Schedule inner;
    final long warmupT;
    final double warmupLrInit;
    final boolean prefix;
    private final boolean targetIsBase;

    private Warmup(Schedule inner, long warmupT, double warmupLrInit, boolean prefix, boolean targetIsBase) {
        this.inner = inner;
        this.warmupT = warmupT;
        this.warmupLrInit = warmupLrInit;
        this.prefix = prefix;
        this.targetIsBase = targetIsBase;
    }

    /**
     * {@code inner} behind a warmup of {@code warmupT} steps; {@code inner} itself when
     * {@code warmupT == 0}.
     *
     * @param targetIsBase whether the warmup ends at {@code base} even without a prefix (every timm
     *     schedule but tanh)
     */
    static Schedule of(Schedule inner, long warmupT, double warmupLrInit, boolean prefix, boolean targetIsBase) {
        return warmupT == 0 ? inner : new Warmup(inner, warmupT, warmupLrInit, prefix, targetIsBase);
    }

    /** The per-step increment for a group with base rate {@code base}. */
    double step(double base) {
        double target = prefix || targetIsBase ? base : inner.value(warmupT, base);
        return (target - warmupLrInit) / warmupT;
    }

    @Override
    public double value(long t, double base) {
        if (t < warmupT) {
            return warmupLrInit + t * step(base);
        }
        return inner.value(prefix ? t - warmupT : t, base);
    }
}
