package org.lr4j.torch;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code PolynomialLR}: the rate decays to 0 over {@code total_iters} epochs, in the
 * chainable form
 * <pre>
 *   0 &lt; epoch &lt;= total_iters: lr * ((1.0 - epoch / total_iters) / (1.0 - (epoch - 1) / total_iters)) ** power
 *   otherwise unchanged;  closed form: initial_lr * (1.0 - min(total_iters, epoch) / total_iters) ** power
 * </pre>
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.001}, {@code total_iters = 4},
 * {@code power = 1}: 0.001, 0.00075, 0.0005, 0.00025, 0.
 */
public final class PolynomialLR extends AbstractTorchScheduler {
    private final long totalIters;
    private final double power;

    private PolynomialLR(Builder b) {
        super("PolynomialLR", b.groups);
        this.totalIters = b.totalIters;
        this.power = b.power;
    }

    /**
     * A builder with PyTorch's defaults: {@code total_iters = 5}, {@code power = 1}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    @Override
    double[] getLr() {
        if (lastEpoch == 0 || lastEpoch > totalIters) {
            return currentTimes(1.0);
        }
        double t = totalIters;
        return currentTimes(PyOps.pow(PyOps.div(1.0 - lastEpoch / t, 1.0 - (lastEpoch - 1) / t), power));
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(PyOps.pow(1.0 - PyOps.div(Math.min(totalIters, lastEpoch), totalIters), power));
    }

    /** Options of {@link PolynomialLR}. */
    public static final class Builder extends TotalItersBuilder<Builder> {
        private double power = 1.0;

        private Builder(ParamGroups groups) {
            super(groups);
        }

        /**
         * {@code power} (default 1).
         *
         * @param value {@code power}
         * @return this builder
         */
        public Builder power(double value) {
            this.power = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when {@code power} is not finite or a group has no {@code lr}
         */
        public PolynomialLR build() {
            TorchChecks.finite("power", power);
            PolynomialLR s = new PolynomialLR(this);
            s.initialStep();
            return s;
        }
    }
}
