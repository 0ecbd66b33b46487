package org.lr4j.torch;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code StepLR}: the rate is multiplied by {@code gamma} every {@code step_size} epochs,
 * <pre>
 *   lr = lr * gamma   when last_epoch > 0 and last_epoch % step_size == 0, else unchanged
 *   closed form: initial_lr * gamma ** (last_epoch // step_size)
 * </pre>
 * PyTorch validates nothing; {@code step_size = 0} raises {@code ZeroDivisionError} at the first step
 * (here an {@link IllegalStateException}).
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.05}, {@code step_size = 30},
 * {@code gamma = 0.1}: 0.05 for epochs 0..29, {@code 0.005000000000000001} from epoch 30.
 */
public final class StepLR extends AbstractTorchScheduler {
    private final long stepSize;
    private final double gamma;

    private StepLR(Builder b) {
        super("StepLR", b.groups);
        this.stepSize = b.stepSize;
        this.gamma = b.gamma;
    }

    /**
     * A builder: the groups and {@code step_size}, the period of the decay in epochs.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param stepSize {@code step_size}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, long stepSize) {
        return new Builder(groups, stepSize);
    }

    /** {@return {@code step_size}} */
    public long stepSize() {
        return stepSize;
    }

    /** {@return {@code gamma}} */
    public double gamma() {
        return gamma;
    }

    @Override
    double[] getLr() {
        return currentTimes(lastEpoch == 0 || PyOps.mod(lastEpoch, stepSize) != 0 ? 1.0 : gamma);
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(Math.pow(gamma, PyOps.floorDiv(lastEpoch, stepSize)));
    }

    /** Options of {@link StepLR}. */
    public static final class Builder {
        private final ParamGroups groups;
        private final long stepSize;
        private double gamma = 0.1;

        private Builder(ParamGroups groups, long stepSize) {
            this.groups = groups;
            this.stepSize = stepSize;
        }

        /**
         * {@code gamma}: the decay factor (default 0.1).
         *
         * @param value {@code gamma}
         * @return this builder
         */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when a group has no {@code lr}, or {@code gamma} is not finite
         */
        public StepLR build() {
            TorchChecks.finite("gamma", gamma);
            StepLR s = new StepLR(this);
            s.initialStep();
            return s;
        }
    }
}
