package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * Cosine decay with warm restarts: timm's {@code CosineLRScheduler}, after Loshchilov and Hutter,
 * "SGDR: Stochastic Gradient Descent with Warm Restarts",
 * <a href="https://arxiv.org/abs/1608.03983">arXiv:1608.03983</a>, with timm's {@code k_decay}
 * (<a href="https://arxiv.org/abs/2004.05909">arXiv:2004.05909</a>).
 *
 * <p>Inside cycle {@code i} (see {@link Cycles}), with {@code gamma = cycle_decay^i} and {@code k = k_decay}:
 * <pre>
 *   lr = lr_min + 0.5 * (base * gamma - lr_min) * (1 + cos(pi * t_curr^k / t_i^k))
 * </pre>
 * After {@code cycle_limit} cycles: {@code lr_min}. The warmup always ends at {@code base}.
 *
 * <p>Where timm fails inside a cycle, lr4j gives the value the formula tends to: far out in a series of
 * cycles with {@code cycle_mul != 1} the cycle position {@code t_curr} can come out a rounding error
 * below 0, where a fractional {@code k} makes timm's {@code t_curr ** k} complex (a {@code TypeError} in
 * {@code math.cos}), and {@code t_curr^k} or {@code t_i^k} can overflow or underflow (an
 * {@code OverflowError} or {@code ZeroDivisionError}); lr4j then uses {@code (max(t_curr, 0) / t_i)^k}.
 * Everywhere timm gives a number lr4j gives the same number.
 *
 * <p>Example (asserted by {@code FamilyTest}): one group with {@code lr = 0.1}, {@code t_initial = 100}:
 * {@code lrAt(0) = 0.1}, {@code lrAt(50) = 0.05}, {@code lrAt(100) = 0.0}.
 */
public final class CosineLRScheduler extends CyclicLRScheduler {
    private final double kDecay;

    private CosineLRScheduler(Builder b, Cycles cycles, Schedule schedule) {
        super("cosine", b, cycles, schedule);
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

    /** {@return {@code k_decay}} */
    public double kDecay() {
        return kDecay;
    }

    /**
     * timm's {@code t_curr ** k / t_i ** k}; where that is not a finite number (timm raises there) the
     * limit {@code (max(t_curr, 0) / t_i)^k}. Shared with {@link PolyLRScheduler}.
     */
    static double kRatio(double tCurr, double tI, double k) {
        double x = Math.pow(tCurr, k) / Math.pow(tI, k);
        if (Double.isFinite(x)) {
            return x;
        }
        return Math.pow(Math.max(tCurr, 0) / tI, k);
    }

    /** Options of {@link CosineLRScheduler}. */
    public static final class Builder extends CycleBuilder<Builder, CosineLRScheduler> {
        private double kDecay = 1.0;

        private Builder(ParamGroups groups, long tInitial) {
            super(groups, tInitial);
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
         * @throws IllegalArgumentException also when {@code k_decay <= 0}
         */
        @Override
        public CosineLRScheduler build() {
            double k = Checks.positive("k_decay", kDecay);
            Cycles cycles = cycles(shape(k));
            return new CosineLRScheduler(this, cycles, Warmup.of(cycles, warmupT, warmupLrInit, warmupPrefix, true));
        }
    }

    /** The shape for {@code k_decay = k}: without the powers when {@code k = 1} ({@code pow(x, 1) = x} exactly). */
    private static Cycles.Shape shape(double k) {
        return k == 1.0 ? new Linear() : new Power(k);
    }

    /** {@code lr_min + 0.5 * (lr_max - lr_min) * factor}, the value from either factor below. */
    private static double combine(double factor, double lrMax, double lrMin) {
        return lrMin + 0.5 * (lrMax - lrMin) * factor;
    }

    /** {@code 1 + cos(pi * t_curr^k / t_i^k)}. */
    private static final class Power implements Cycles.Shape {
        private final double k;

        Power(double k) {
            this.k = k;
        }

        @Override
        public double factor(double tCurr, double tI) {
            double a = Math.pow(tCurr, k);
            double b = Math.pow(tI, k);
            // timm's order, (pi * t_curr^k) / t_i^k; where the powers overflow or t_i^k underflows to 0, the ratio's power
            double x = Double.isFinite(a) && Double.isFinite(b) && b > 0 ? Math.PI * a / b : Math.PI * kRatio(tCurr, tI, k);
            return 1 + Math.cos(x);
        }

        @Override
        public double value(double factor, double lrMax, double lrMin) {
            return combine(factor, lrMax, lrMin);
        }
    }

    /** {@code 1 + cos(pi * t_curr / t_i)}: {@code k_decay = 1}. */
    private static final class Linear implements Cycles.Shape {
        @Override
        public double factor(double tCurr, double tI) {
            return 1 + Math.cos(Math.PI * tCurr / tI);
        }

        @Override
        public double value(double factor, double lrMax, double lrMin) {
            return combine(factor, lrMax, lrMin);
        }
    }
}
