package org.lr4j.torch;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code CosineAnnealingLR} in its recursive (chainable) form, each float operation in
 * PyTorch's order:
 * <pre>
 *   epoch 0:                          lr
 *   (epoch - 1 - T_max) % (2 T_max) == 0: lr + (initial_lr - eta_min) * (1 - cos(pi / T_max)) / 2
 *   otherwise:  (1 + cos(pi * epoch / T_max)) / (1 + cos(pi * (epoch - 1) / T_max)) * (lr - eta_min) + eta_min
 * </pre>
 * Past {@code T_max} the rate climbs back (the period is {@code 2 T_max}), as in PyTorch; the closed form
 * {@code eta_min + (initial_lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2} is used only by
 * {@link SequentialLR}'s {@code step(0)}.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.1}, {@code T_max = 10},
 * {@code eta_min = 0.001}: {@code 0.1}, then {@code 0.09757729755661011} at epoch 1.
 */
public final class CosineAnnealingLR extends AbstractTorchScheduler {
    private final long tMax;
    private final double etaMin;

    private CosineAnnealingLR(Builder b) {
        super("CosineAnnealingLR", b.groups);
        this.tMax = b.tMax;
        this.etaMin = b.etaMin;
    }

    /**
     * A builder: the groups and {@code T_max}, the half period in epochs.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param tMax {@code T_max}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, long tMax) {
        return new Builder(groups, tMax);
    }

    /** {@return {@code T_max}} */
    public long tMax() {
        return tMax;
    }

    /** {@return {@code eta_min}} */
    public double etaMin() {
        return etaMin;
    }

    @Override
    double[] getLr() {
        double[] out = groups.lrs();
        if (lastEpoch == 0) {
            return out;
        }
        if (stepCount == 1 && lastEpoch > 0) {
            for (int g = 0; g < n; g++) {
                out[g] = etaMin + (baseLrs[g] - etaMin) * (1 + Math.cos(PyOps.div(lastEpoch * Math.PI, tMax))) / 2;
            }
            return out;
        }
        if (PyOps.mod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            double c = 1 - Math.cos(PyOps.div(Math.PI, tMax));
            for (int g = 0; g < n; g++) {
                out[g] = out[g] + (baseLrs[g] - etaMin) * c / 2;
            }
            return out;
        }
        double ratio = PyOps.div(1 + Math.cos(PyOps.div(Math.PI * lastEpoch, tMax)),
                1 + Math.cos(PyOps.div(Math.PI * (lastEpoch - 1), tMax)));
        for (int g = 0; g < n; g++) {
            out[g] = ratio * (out[g] - etaMin) + etaMin;
        }
        return out;
    }

    @Override
    double[] closedFormLr() {
        double c = 1 + Math.cos(PyOps.div(Math.PI * lastEpoch, tMax));
        double[] out = new double[n];
        for (int g = 0; g < n; g++) {
            out[g] = etaMin + (baseLrs[g] - etaMin) * c / 2;
        }
        return out;
    }

    /** Options of {@link CosineAnnealingLR}. */
    public static final class Builder {
        private final ParamGroups groups;
        private final long tMax;
        private double etaMin;

        private Builder(ParamGroups groups, long tMax) {
            this.groups = groups;
            this.tMax = tMax;
        }

        /**
         * {@code eta_min}: the floor (default 0).
         *
         * @param value {@code eta_min}
         * @return this builder
         */
        public Builder etaMin(double value) {
            this.etaMin = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step. {@code T_max = 0} is accepted, as
         * PyTorch does, and raises {@code ZeroDivisionError} at the first step ({@link IllegalStateException}).
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when {@code eta_min} is not finite or a group has no {@code lr}
         */
        public CosineAnnealingLR build() {
            TorchChecks.finite("eta_min", etaMin);
            CosineAnnealingLR s = new CosineAnnealingLR(this);
            s.initialStep();
            return s;
        }
    }
}
