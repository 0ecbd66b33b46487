package org.lr4j.schedule;

import java.util.ArrayList;
import java.util.List;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * Decay at milestones: timm's {@code MultiStepLRScheduler}. After the warmup,
 * <pre>
 *   lr = base * decay_rate^k,   k = number of milestones m with m &lt;= t + 1
 * </pre>
 * timm computes {@code k} as {@code bisect_right(decay_t, t + 1)}, so the rate drops one step
 * <em>before</em> each milestone: with milestone 30 the decayed rate is in effect from {@code t = 29}.
 * lr4j reproduces this. Milestones must be sorted (timm silently misbehaves otherwise).
 * {@code warmup_prefix} defaults to true, as in timm.
 *
 * <p>Example (asserted by {@code FamilyTest}): {@code lr = 0.1}, milestones {@code [30, 60]},
 * {@code decay_rate = 0.1}: {@code lrAt(28) = 0.1}, {@code lrAt(29) = 0.010000000000000002}.
 */
public final class MultiStepLRScheduler extends AbstractTimeScheduler {
    private final List<Double> milestones;
    private final double decayRate;

    private MultiStepLRScheduler(Builder b, Schedule schedule) {
        super("multistep", b, schedule);
        this.milestones = toList(b.decayT);
        this.decayRate = b.decayRate;
    }

    /**
     * A builder with the required values: the groups and {@code decay_t}, the sorted milestones.
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @param decayT {@code decay_t}, the milestones, sorted; {@code build()} checks them
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups, double... decayT) {
        return new Builder(groups, decayT);
    }

    /**
     * A builder with the required values: the groups and {@code decay_t}, the sorted milestones.
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @param decayT {@code decay_t}, the milestones, sorted; {@code build()} checks them
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups, List<? extends Number> decayT) {
        Checks.notNull("decay_t", decayT);
        double[] m = new double[decayT.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = Checks.notNull("decay_t[" + i + "]", decayT.get(i)).doubleValue();
        }
        return new Builder(groups, m);
    }

    /** {@return {@code decay_t}: the milestones} */
    public List<Double> decayT() {
        return new ArrayList<>(milestones);
    }

    /** {@return {@code decay_rate}} */
    public double decayRate() {
        return decayRate;
    }

    /** Options of {@link MultiStepLRScheduler}. */
    public static final class Builder extends AbstractLRScheduler.Builder<Builder, MultiStepLRScheduler> {
        private final double[] decayT;
        private double decayRate = 1.0;

        private Builder(ParamGroups groups, double[] decayT) {
            super(groups, true);
            this.decayT = Checks.notNull("decay_t", decayT).clone();
        }

        @Override
        double growth() {
            return decayRate > 1 ? Math.pow(decayRate, decayT.length) : 1.0;
        }

        /**
         * {@code decay_rate}: the factor applied at each milestone ({@code >= 0}, default 1).
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
         * @throws IllegalArgumentException also when a milestone is negative or not finite, the
         *     milestones are not sorted, {@code decay_rate < 0}, or {@code decay_rate^len(decay_t)}
         *     overflows
         */
        @Override
        public MultiStepLRScheduler build() {
            validateCommon();
            for (int i = 0; i < decayT.length; i++) {
                Checks.nonNegative("decay_t[" + i + "]", decayT[i]);
                if (i > 0 && decayT[i] < decayT[i - 1]) {
                    throw Checks.invalid("decay_t", "be sorted ascending",
                            java.util.Arrays.toString(decayT) + " (" + decayT[i] + " after " + decayT[i - 1] + ")");
                }
            }
            Checks.nonNegative("decay_rate", decayRate);
            if (Double.isInfinite(growth())) {
                throw Checks.invalid("decay_rate",
                        "stay <= 1, or its power for all " + decayT.length + " milestones finite", decayRate);
            }
            return new MultiStepLRScheduler(this,
                    Warmup.of(new MultiStepDecay(decayT, decayRate), warmupT, warmupLrInit, warmupPrefix, true));
        }
    }
}
