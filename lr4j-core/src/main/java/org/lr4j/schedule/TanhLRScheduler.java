package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;
import org.lr4j.internal.FastMath;

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
 * s.step(35);
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
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @param tInitial {@code t_initial}, the first cycle's length in epochs (or updates); {@code build()} refuses one {@code < 1}
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups, long tInitial) {
        return new Builder(groups, tInitial);
    }

    /** {@return {@code lb}: where the sweep of {@code tanh} starts} */
    public double lb() {
        return lb;
    }

    /** {@return {@code ub}: where the sweep of {@code tanh} ends} */
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
         *
         * @param value the profile
         * @return this builder
         */
        public Builder profile(Profile value) {
            this.profile = Checks.notNull("profile", value);
            return this;
        }

        /**
         * {@code lb}: the lower bound of the {@code tanh} interval (default -7; -6 in timm 0.4).
         *
         * @param value {@code lb}; {@link #build()} refuses a non-finite one or one {@code >= ub}
         * @return this builder
         */
        public Builder lb(double value) {
            this.lb = value;
            return this;
        }

        /**
         * {@code ub}: the upper bound of the {@code tanh} interval (default 3; 4 in timm 0.4).
         *
         * @param value {@code ub}; {@link #build()} refuses a non-finite one or one {@code <= lb}
         * @return this builder
         */
        public Builder ub(double value) {
            this.ub = value;
            return this;
        }

        /**
         * timm 0.4's name for {@link #cycleMul(double)}.
         *
         * @param value {@code t_mul}, as {@link #cycleMul(double)}
         * @return this builder
         */
        public Builder tMul(double value) {
            return cycleMul(value);
        }

        /**
         * timm 0.4's name for {@link #cycleDecay(double)}.
         *
         * @param value {@code decay_rate}, as {@link #cycleDecay(double)}
         * @return this builder
         */
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
                throw Checks.invalid("lb", "be < ub", "lb=" + l + ", ub=" + u);
            }
            Cycles cycles = cycles(new Shape(l, u));
            return new TanhLRScheduler(this, cycles, Warmup.of(cycles, warmupT, warmupLrInit, warmupPrefix, false));
        }
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
            return FastMath.oneMinusTanh(lb * (1. - tr) + ub * tr);
        }

        @Override
        public double value(double factor, double lrMax, double lrMin) {
            return lrMin + 0.5 * (lrMax - lrMin) * factor;
        }
    }
}
