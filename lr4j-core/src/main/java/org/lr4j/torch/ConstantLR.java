package org.lr4j.torch;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code ConstantLR}: the rate is {@code factor} times the base until epoch
 * {@code total_iters}, then the base,
 * <pre>
 *   epoch 0: lr * factor;  epoch total_iters: lr * (1.0 / factor);  otherwise unchanged
 *   closed form: initial_lr * (factor + (last_epoch >= total_iters) * (1 - factor))
 * </pre>
 * {@code factor = 0} is accepted, as PyTorch does, and raises {@code ZeroDivisionError} at epoch
 * {@code total_iters} (an {@link IllegalStateException} here).
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.05}, {@code factor = 0.5},
 * {@code total_iters = 4}: 0.025 for epochs 0..3, 0.05 from epoch 4.
 */
public final class ConstantLR extends AbstractTorchScheduler {
    private final double factor;
    private final long totalIters;

    private ConstantLR(Builder b) {
        super("ConstantLR", b.groups);
        this.factor = b.factor;
        this.totalIters = b.totalIters;
    }

    /**
     * A builder with PyTorch's defaults: {@code factor = 1/3}, {@code total_iters = 5}.
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
            return currentTimes(factor);
        }
        return currentTimes(lastEpoch == totalIters ? PyOps.div(1.0, factor) : 1.0);
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(factor + (lastEpoch >= totalIters ? 1 - factor : 0.0));
    }

    /** Options of {@link ConstantLR}. */
    public static final class Builder extends TotalItersBuilder<Builder> {
        private double factor = 1.0 / 3;

        private Builder(ParamGroups groups) {
            super(groups);
        }

        /**
         * {@code factor}: the multiplier until {@code total_iters}, in [0, 1] (default 1/3).
         *
         * @param value {@code factor}
         * @return this builder
         */
        public Builder factor(double value) {
            this.factor = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when {@code factor} is outside [0, 1] (PyTorch's
         *     {@code ValueError}) or a group has no {@code lr}
         */
        public ConstantLR build() {
            TorchChecks.unit("factor", factor, "Constant multiplicative factor expected to be between 0 and 1.");
            ConstantLR s = new ConstantLR(this);
            s.initialStep();
            return s;
        }
    }
}
