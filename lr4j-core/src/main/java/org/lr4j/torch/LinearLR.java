package org.lr4j.torch;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code LinearLR}: the multiplier moves linearly from {@code start_factor} to
 * {@code end_factor} over {@code total_iters} epochs, in PyTorch's chainable form,
 * <pre>
 *   epoch 0: lr * start_factor
 *   0 &lt; epoch &lt;= total_iters: lr * (1.0 + (end - start) / (total_iters * start + (epoch - 1) * (end - start)))
 *   later: unchanged
 *   closed form: initial_lr * (start + (end - start) * min(total_iters, epoch) / total_iters)
 * </pre>
 * {@code start_factor = 0} is accepted as PyTorch 1.13 does and raises {@code ZeroDivisionError} at
 * epoch 1 (an {@link IllegalStateException} here).
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.05}, {@code start_factor = 0.5},
 * {@code total_iters = 4}: 0.025, 0.03125, 0.0375, {@code 0.043750000000000004}, 0.05.
 */
public final class LinearLR extends AbstractTorchScheduler {
    private final double startFactor;
    private final double endFactor;
    private final long totalIters;

    private LinearLR(Builder b) {
        super("LinearLR", b.groups);
        this.startFactor = b.startFactor;
        this.endFactor = b.endFactor;
        this.totalIters = b.totalIters;
    }

    /**
     * A builder with PyTorch's defaults: {@code start_factor = 1/3}, {@code end_factor = 1}, {@code total_iters = 5}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    @Override
    double[] getLr() {
        if (lastEpoch == 0) {
            return currentTimes(startFactor);
        }
        if (lastEpoch > totalIters) {
            return currentTimes(1.0);
        }
        double d = endFactor - startFactor;
        return currentTimes(1.0 + PyOps.div(d, totalIters * startFactor + (lastEpoch - 1) * d));
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(startFactor + PyOps.div((endFactor - startFactor) * Math.min(totalIters, lastEpoch), totalIters));
    }

    /** Options of {@link LinearLR}. */
    public static final class Builder extends TotalItersBuilder<Builder> {
        private double startFactor = 1.0 / 3;
        private double endFactor = 1.0;

        private Builder(ParamGroups groups) {
            super(groups);
        }

        /**
         * {@code start_factor}, in [0, 1] (default 1/3).
         *
         * @param value {@code start_factor}
         * @return this builder
         */
        public Builder startFactor(double value) {
            this.startFactor = value;
            return this;
        }

        /**
         * {@code end_factor}, in [0, 1] (default 1).
         *
         * @param value {@code end_factor}
         * @return this builder
         */
        public Builder endFactor(double value) {
            this.endFactor = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when a factor is outside [0, 1] (PyTorch's {@code ValueError})
         *     or a group has no {@code lr}
         */
        public LinearLR build() {
            TorchChecks.unit("start_factor", startFactor, "Starting multiplicative factor expected to be between 0 and 1.");
            TorchChecks.unit("end_factor", endFactor, "Ending multiplicative factor expected to be between 0 and 1.");
            LinearLR s = new LinearLR(this);
            s.initialStep();
            return s;
        }
    }
}
