package org.lr4j.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code MultiStepLR}: the rate is multiplied by {@code gamma} at each milestone, by
 * {@code gamma ** k} at a milestone listed {@code k} times (PyTorch counts them in a {@code Counter}),
 * <pre>
 *   lr = lr * gamma ** count(last_epoch in milestones)
 *   closed form: initial_lr * gamma ** bisect_right(sorted(milestones), last_epoch)
 * </pre>
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 1}, {@code milestones = [3, 3, 6]},
 * {@code gamma = 0.1}: 1 until epoch 2, {@code 0.010000000000000002} at 3..5, {@code 0.0010000000000000002}
 * from 6.
 */
public final class MultiStepLR extends AbstractTorchScheduler {
    private final List<Long> milestones;
    private final List<Long> sorted;
    private final double gamma;

    private MultiStepLR(Builder b) {
        super("MultiStepLR", b.groups);
        this.milestones = List.copyOf(b.milestones);
        List<Long> s = new ArrayList<>(b.milestones);
        Collections.sort(s);
        this.sorted = List.copyOf(s);
        this.gamma = b.gamma;
    }

    /**
     * A builder: the groups and the milestones (epoch indices; repeats count).
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param milestones {@code milestones}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, List<Long> milestones) {
        return new Builder(groups, milestones);
    }

    /** {@return {@code milestones}, as given} */
    public List<Long> milestones() {
        return milestones;
    }

    /** {@return {@code gamma}} */
    public double gamma() {
        return gamma;
    }

    @Override
    double[] getLr() {
        int count = Collections.frequency(milestones, lastEpoch);
        return currentTimes(count == 0 ? 1.0 : Math.pow(gamma, count));
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(Math.pow(gamma, PyOps.bisectRight(sorted, lastEpoch)));
    }

    /** Options of {@link MultiStepLR}. */
    public static final class Builder {
        private final ParamGroups groups;
        private final List<Long> milestones;
        private double gamma = 0.1;

        private Builder(ParamGroups groups, List<Long> milestones) {
            this.groups = groups;
            this.milestones = milestones;
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
         * @throws NullPointerException when the groups, the milestones or a milestone is null
         * @throws IllegalArgumentException when a group has no {@code lr} or {@code gamma} is not finite
         */
        public MultiStepLR build() {
            TorchChecks.notNull("milestones", milestones);
            if (TorchChecks.hasNull(milestones)) {
                throw new NullPointerException("milestones must hold numbers, got " + milestones);
            }
            TorchChecks.finite("gamma", gamma);
            MultiStepLR s = new MultiStepLR(this);
            s.initialStep();
            return s;
        }
    }
}
