package org.lr4j.torch;

import org.lr4j.group.ParamGroups;

/**
 * PyTorch's {@code ExponentialLR}: the rate is multiplied by {@code gamma} every epoch after the first,
 * <pre>
 *   lr = lr * gamma   (unchanged at epoch 0);   closed form: initial_lr * gamma ** last_epoch
 * </pre>
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 1}, {@code gamma = 0.9}: 1, 0.9,
 * {@code 0.81}, {@code 0.7290000000000001}.
 */
public final class ExponentialLR extends AbstractTorchScheduler {
    private final double gamma;

    private ExponentialLR(ParamGroups groups, double gamma) {
        super("ExponentialLR", groups);
        this.gamma = gamma;
    }

    /**
     * Builds {@code ExponentialLR(optimizer, gamma)} and performs PyTorch's initial step.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param gamma {@code gamma}
     * @return the scheduler
     * @throws NullPointerException when the groups are null
     * @throws IllegalArgumentException when {@code gamma} is not finite or a group has no {@code lr}
     */
    public static ExponentialLR of(ParamGroups groups, double gamma) {
        ExponentialLR s = new ExponentialLR(groups, TorchChecks.finite("gamma", gamma));
        s.initialStep();
        return s;
    }

    /** {@return {@code gamma}} */
    public double gamma() {
        return gamma;
    }

    @Override
    double[] getLr() {
        return currentTimes(lastEpoch == 0 ? 1.0 : gamma);
    }

    @Override
    double[] closedFormLr() {
        return basesTimes(Math.pow(gamma, lastEpoch));
    }
}
