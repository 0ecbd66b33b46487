package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * Step decay: timm's {@code StepLRScheduler}. After the warmup,
 * <pre>
 *   lr = base * decay_rate^floor(t / decay_t)
 * </pre>
 * with Python's float floor division ({@code decay_t} may be fractional). Unlike the cyclic schedules,
 * {@code warmup_prefix} defaults to true here, as in timm.
 *
 * <p>Example (asserted by {@code FamilyTest}): {@code lr = 0.1}, {@code decay_t = 30},
 * {@code decay_rate = 0.1}: {@code lrAt(29) = 0.1}, {@code lrAt(30) = 0.010000000000000002}.
 */
public final class StepLRScheduler extends AbstractTimeScheduler {
    private final double decayT;
    private final double decayRate;

    private StepLRScheduler(Builder b, Schedule schedule) {
        super("step", b, schedule);
        this.decayT = b.decayT;
        this.decayRate = b.decayRate;
    }

    /**
     * A builder with the required values: the groups and {@code decay_t}, the steps between decays.
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @param decayT {@code decay_t}, the steps between decays; {@code build()} refuses one that is not a finite number {@code > 0}
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups, double decayT) {
        return new Builder(groups, decayT);
    }

    /** {@return {@code decay_t}} */
    public double decayT() {
        return decayT;
    }

    /** {@return {@code decay_rate}} */
    public double decayRate() {
        return decayRate;
    }

    /** Options of {@link StepLRScheduler}. */
    public static final class Builder extends AbstractLRScheduler.Builder<Builder, StepLRScheduler> {
        private final double decayT;
        private double decayRate = 1.0;

        private Builder(ParamGroups groups, double decayT) {
            super(groups, true);
            this.decayT = decayT;
        }

        /** {@return the largest {@code t // decay_t} for {@code t < 2^63}} */
        private double maxDecays() {
            return Math.floor(0x1.0p63 / decayT);
        }

        @Override
        double growth() {
            return decayRate > 1 ? Math.pow(decayRate, maxDecays()) : 1.0;
        }

        /**
         * {@code decay_rate}: the factor applied every {@code decay_t} ({@code >= 0}, default 1).
         *
         * @param value {@code decay_rate}; {@code build()} refuses a negative or non-finite one
         * @return this builder
         */
        public Builder decayRate(double value) {
            this.decayRate = value;
            return this;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also when {@code decay_t <= 0}, {@code decay_rate < 0}, or
         *     {@code decay_rate > 1} would overflow for some {@code t < 2^63} (timm raises
         *     {@code OverflowError} there)
         */
        @Override
        public StepLRScheduler build() {
            validateCommon();
            Checks.positive("decay_t", decayT);
            Checks.nonNegative("decay_rate", decayRate);
            if (Double.isInfinite(growth())) {
                throw Checks.invalid("decay_rate",
                        "stay <= 1, or its power for the most decays any t < 2^63 reaches finite", decayRate);
            }
            return new StepLRScheduler(this,
                    Warmup.of(new StepDecay(decayT, decayRate), warmupT, warmupLrInit, warmupPrefix, true));
        }
    }
}
