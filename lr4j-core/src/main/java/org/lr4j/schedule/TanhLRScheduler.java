package org.lr4j.schedule;

import org.lr4j.driver.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * Hyperbolic-tangent decay with restarts: timm's {@code TanhLRScheduler}, after Hsueh et al.,
 * "Stochastic Gradient Descent with Hyperbolic-Tangent Decay on Classification",
 * <a href="https://arxiv.org/abs/1806.01593">arXiv:1806.01593</a>.
 *
 * <p>Inside cycle {@code i} (see {@link Cycles}), with {@code tr = t_curr / t_i} and
 * {@code gamma = cycle_decay^i}:
 * <pre>
 *   lr = lr_min + 0.5 * (base * gamma - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))
 * </pre>
 * {@code tanh} sweeps the interval {@code [lb, ub]} once per cycle. After {@code cycle_limit} cycles the
 * value is {@code lr_min}. A warmup of {@code warmup_t} steps rises linearly from
 * {@code warmup_lr_init} to the schedule's own value at {@code warmup_t} (or to {@code base} with
 * {@code warmup_prefix}, which then shifts the schedule by {@code warmup_t}).
 *
 * <p>Defaults (current timm): {@code lb = -7}, {@code ub = 3}, {@code lr_min = 0}, {@code cycle_mul = 1},
 * {@code cycle_decay = 1}, {@code cycle_limit = 1}, no warmup, epoch mode, no noise
 * ({@code noise_pct = 0.67}, {@code noise_seed = 42}). With {@link Profile#TIMM_0_4} (the tutorial's API):
 * {@code lb = -6}, {@code ub = 4}, {@code cycle_limit = 0} (unlimited), {@code lr_min} decays with the
 * cycles and {@code lr_scale} is ignored.
 *
 * <p>Where timm fails ({@code cycle_mul < 1} past the end of the shrinking cycle series, a math domain
 * error), lr4j returns the after-the-last-cycle value: every cycle is over.
 *
 * <p>Example (asserted by {@code TanhLRSchedulerTest}): one group with {@code lr = 0.1},
 * {@code t_initial = 50}, defaults otherwise:
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(0.1);
 * TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).build();
 * s.lrAt(0)[0];   // 0.09999991684719722   (1 - StrictMath.tanh would give ...724: see oneMinusTanh)
 * s.lrAt(35)[0];  // 0.050000000000000044  (tr = 0.7: lb * 0.3 + ub * 0.7 = 0, the midpoint)
 * s.lrAt(50)[0];  // 0.0                   (cycle_limit = 1: lr_min after the cycle)
 * s.step(35, null);
 * groups.lr(0);   // 0.050000000000000044
 * }</pre>
 *
 * <p>Immutable configuration; see {@link AbstractLRScheduler} for what the driver guarantees.
 */
public final class TanhLRScheduler extends CyclicLRScheduler {
    private final double lb;
    private final double ub;

    private TanhLRScheduler(Builder b, Cycles cycles, Schedule schedule) {
        super("tanh", b, cycles, schedule);
        this.lb = b.lb();
        this.ub = b.ub();
    }

    /**
     * A builder with the required values: the groups to drive and {@code t_initial}, the length of the
     * first cycle in epochs or updates.
     */
    public static Builder builder(ParamGroups groups, long tInitial) {
        return new Builder(groups, tInitial);
    }

    /** {@code lb}: where the sweep of {@code tanh} starts. */
    public double lb() {
        return lb;
    }

    /** {@code ub}: where the sweep of {@code tanh} ends. */
    public double ub() {
        return ub;
    }

    /** Options of {@link TanhLRScheduler}; timm's names in camelCase. */
    public static final class Builder extends CycleBuilder<Builder, TanhLRScheduler> {
        private Double lb;
        private Double ub;

        private Builder(ParamGroups groups, long tInitial) {
            super(groups, tInitial);
        }

        /**
         * Semantics profile: {@link Profile#CURRENT} (default) or {@link Profile#TIMM_0_4}, the tutorial's
         * timm, which changes the defaults of {@code lb}, {@code ub} and {@code cycle_limit}.
         */
        public Builder profile(Profile value) {
            this.profile = Checks.notNull("profile", value);
            return this;
        }

        /** {@code lb}: the lower bound of the {@code tanh} interval (default -7; -6 in timm 0.4). */
        public Builder lb(double value) {
            this.lb = value;
            return this;
        }

        /** {@code ub}: the upper bound of the {@code tanh} interval (default 3; 4 in timm 0.4). */
        public Builder ub(double value) {
            this.ub = value;
            return this;
        }

        /** timm 0.4's name for {@link #cycleMul(double)}. */
        public Builder tMul(double value) {
            return cycleMul(value);
        }

        /** timm 0.4's name for {@link #cycleDecay(double)}. */
        public Builder decayRate(double value) {
            return cycleDecay(value);
        }

        double lb() {
            return lb != null ? lb : profile == Profile.TIMM_0_4 ? -6.0 : -7.0;
        }

        double ub() {
            return ub != null ? ub : profile == Profile.TIMM_0_4 ? 4.0 : 3.0;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also when {@code lb >= ub} or either is not finite
         */
        @Override
        public TanhLRScheduler build() {
            double l = Checks.finite("lb", lb());
            double u = Checks.finite("ub", ub());
            if (!(l < u)) {
                throw new IllegalArgumentException("lb must be < ub, got lb=" + l + ", ub=" + u);
            }
            Cycles cycles = cycles(new Shape(l, u));
            return new TanhLRScheduler(this, cycles, Warmup.of(cycles, warmupT, warmupLrInit, warmupPrefix, false));
        }
    }

    /**
     * {@code 1 - tanh(x)}, computed as {@code 2 / (1 + exp(2x))} (the same function:
     * {@code tanh(x) = (e^2x - 1) / (e^2x + 1)}) with the exponential below, rather than through the
     * native {@code StrictMath.tanh}, a JNI call in Java 17: several times faster (see
     * {@code BENCHMARKS.md}), and more accurate where {@code tanh(x)} is close to 1 (no cancellation). It
     * differs from {@code 1 - StrictMath.tanh(x)} by at most one unit in the last place of 2,
     * {@code 4.4e-16} (asserted by the tests over {@code [-40, 40]}), far inside the reference comparison
     * rule ({@code 1e-12} of the scale).
     *
     * <p>Example (asserted by the tests): {@code oneMinusTanh(0) = 1.0},
     * {@code oneMinusTanh(-7) = 1.9999983369439445} ({@code 1 - StrictMath.tanh(-7) = 1.9999983369439447}).
     */
    public static double oneMinusTanh(double x) {
        return 2.0 / (1.0 + exp(2.0 * x));
    }

    /** {@code 2^(j/64)} for {@code j = 0..63}. */
    private static final double[] EXP2_J64 = new double[64];
    private static final double SIXTY_FOUR_OVER_LN2 = 64 / 0.6931471805599453;
    /** {@code ln 2 / 64} in two parts; the high part has 32 significant bits, so {@code k * hi} is exact. */
    private static final double LN2_64_HI = 0x1.62e42feep-1 / 64;
    private static final double LN2_64_LO = 0x1.a39ef35793c76p-33 / 64;

    static {
        for (int j = 0; j < 64; j++) {
            EXP2_J64[j] = StrictMath.pow(2.0, j / 64.0);
        }
    }

    /**
     * {@code e^y}, within 2 units in the last place of {@code StrictMath.exp} (asserted by the tests), in
     * pure Java arithmetic: {@code y = k ln2 / 64 + r} with {@code |r| <= ln2 / 128},
     * {@code e^y = 2^(k div 64) * 2^((k mod 64) / 64) * e^r}, the middle factor from a table, {@code e^r}
     * by its Taylor polynomial to {@code r^5} (the next term is below {@code 4e-17}). Only {@code +},
     * {@code -}, {@code *}, {@code rint} and a table computed once with {@code StrictMath.pow}: the same
     * result on every JVM. Outside {@code |y| <= 700} (overflow, underflow, NaN) it is {@code StrictMath.exp}.
     */
    static double exp(double y) {
        if (!(Math.abs(y) <= 700)) {
            return StrictMath.exp(y);
        }
        double kd = Math.rint(y * SIXTY_FOUR_OVER_LN2);
        int k = (int) kd;
        double r = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
        // e^r - 1 = r + r^2/2 + r^3/6 + r^4/24 + r^5/120, grouped (Estrin) for a short dependency chain
        double r2 = r * r;
        double p = (r + r2 * (0.5 + r * (1.0 / 6))) + (r2 * r2) * (1.0 / 24 + r * (1.0 / 120));
        double t = EXP2_J64[k & 63];
        double twoToTheK = Double.longBitsToDouble((long) ((k >> 6) + 1023) << 52);
        return (t + t * p) * twoToTheK;
    }

    /** {@code lr_min + 0.5 * (lr_max - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))}, {@code tr = t_curr / t_i}. */
    private static final class Shape implements Cycles.Shape {
        private final double lb;
        private final double ub;

        Shape(double lb, double ub) {
            this.lb = lb;
            this.ub = ub;
        }

        @Override
        public double factor(double tCurr, double tI) {
            double tr = tCurr / tI;
            return oneMinusTanh(lb * (1. - tr) + ub * tr);
        }

        @Override
        public double value(double factor, double lrMax, double lrMin) {
            return lrMin + 0.5 * (lrMax - lrMin) * factor;
        }
    }
}
