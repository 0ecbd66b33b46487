package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * Polynomial decay with restarts: timm's {@code PolyLRScheduler}.
 *
 * <p>Inside cycle {@code i} (see {@link Cycles}), with {@code gamma = cycle_decay^i} and {@code k = k_decay}:
 * <pre>
 *   lr = lr_min + (base * gamma - lr_min) * (1 - t_curr^k / t_i^k)^power
 * </pre>
 * After {@code cycle_limit} cycles: {@code lr_min}. The warmup always ends at {@code base}.
 *
 * <p>Where timm fails inside a cycle (far out in a series of cycles with {@code cycle_mul != 1}, a
 * rounding error puts {@code t_curr} just outside {@code [0, t_i]}, and a fractional {@code k} or
 * {@code power} then makes timm's value complex, or a power overflows), lr4j gives the value the
 * formula tends to, as {@link CosineLRScheduler} does; everywhere timm gives a number lr4j gives the
 * same number.
 *
 * <p>Example (asserted by {@code FamilyTest}): one group with {@code lr = 0.1}, {@code t_initial = 100},
 * {@code power = 1}: {@code lrAt(0) = 0.1}, {@code lrAt(25) = 0.07500000000000001}, {@code lrAt(100) = 0.0}.
 */
public final class PolyLRScheduler extends CyclicLRScheduler {
    private final double power;
    private final double kDecay;

    private PolyLRScheduler(Builder b, Cycles cycles, Schedule schedule) {
        super("poly", b, cycles, schedule);
        this.power = b.power;
        this.kDecay = b.kDecay;
    }

    /**
     * A builder with the required values: the groups and {@code t_initial}.
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @param tInitial {@code t_initial}, the first cycle's length in epochs (or updates); {@code build()} refuses one {@code < 1}
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups, long tInitial) {
        return new Builder(groups, tInitial);
    }

    /** {@return {@code power}} */
    public double power() {
        return power;
    }

    /** {@return {@code k_decay}} */
    public double kDecay() {
        return kDecay;
    }

    /** Options of {@link PolyLRScheduler}. */
    public static final class Builder extends CycleBuilder<Builder, PolyLRScheduler> {
        private double power = 0.5;
        private double kDecay = 1.0;

        private Builder(ParamGroups groups, long tInitial) {
            super(groups, tInitial);
        }

        /**
         * {@code power}: the polynomial's exponent ({@code >= 0}, default 0.5).
         *
         * @param value {@code power}; {@code build()} refuses a negative or non-finite one
         * @return this builder
         */
        public Builder power(double value) {
            this.power = value;
            return this;
        }

        /**
         * {@code k_decay}: the exponent on {@code t_curr} and {@code t_i} ({@code > 0}, default 1).
         *
         * @param value {@code k_decay}; {@code build()} refuses one that is not a finite number {@code > 0}
         * @return this builder
         */
        public Builder kDecay(double value) {
            this.kDecay = value;
            return this;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also when {@code power < 0} or {@code k_decay <= 0}
         */
        @Override
        public PolyLRScheduler build() {
            double p = Checks.nonNegative("power", power);
            double k = Checks.positive("k_decay", kDecay);
            Cycles cycles = cycles(new Shape(p, k));
            return new PolyLRScheduler(this, cycles, Warmup.of(cycles, warmupT, warmupLrInit, warmupPrefix, true));
        }
    }

    /**
     * {@code lr_min + (lr_max - lr_min) * (1 - t_curr^k / t_i^k)^power}; with {@code k = 1} the inner
     * powers are skipped ({@code pow(x, 1) = x} exactly).
     */
    private static final class Shape implements Cycles.Shape {
        private final double power;
        private final double k;
        private final boolean linear;

        Shape(double power, double k) {
            this.power = power;
            this.k = k;
            this.linear = k == 1.0;
        }

        @Override
        public double factor(double tCurr, double tI) {
            double rest = 1 - (linear ? tCurr / tI : CosineLRScheduler.kRatio(tCurr, tI, k));
            double y = Math.pow(rest, power);
            // rest a rounding error below 0 with a fractional power: timm's value is complex; the limit is 0
            return Double.isNaN(y) ? Math.pow(Math.max(rest, 0), power) : y;
        }

        @Override
        public double value(double factor, double lrMax, double lrMin) {
            return lrMin + (lrMax - lrMin) * factor;
        }
    }
}
