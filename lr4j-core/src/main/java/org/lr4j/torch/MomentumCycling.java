package org.lr4j.torch;

import org.lr4j.group.MomentumKind;
import org.lr4j.group.ParamGroups;
import org.lr4j.schedule.InvalidValueException;

/**
 * The momentum options {@link CyclicLR} and {@link OneCycleLR} share ({@code cycle_momentum},
 * {@code base_momentum}, {@code max_momentum}) and their check: with {@code cycle_momentum} the groups
 * must carry a momentum (SGD's {@code momentum} or Adam's {@code betas[0]}), and each list must be one
 * value or one per group. The defaults are each scheduler's (its builder says them).
 *
 * @param <B> the builder
 */
abstract class MomentumCycling<B extends MomentumCycling<B>> {
    private boolean cycleMomentum = true;
    private double[] baseMomentum;
    private double[] maxMomentum;

    MomentumCycling(double baseMomentum, double maxMomentum) {
        this.baseMomentum = new double[] {baseMomentum};
        this.maxMomentum = new double[] {maxMomentum};
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * {@code cycle_momentum} (default true: the groups must carry a momentum).
     *
     * @param value {@code cycle_momentum}
     * @return this builder
     */
    public B cycleMomentum(boolean value) {
        this.cycleMomentum = value;
        return self();
    }

    /**
     * {@code base_momentum}: one value or one per group (default PyTorch's: 0.8 for {@link CyclicLR},
     * 0.85 for {@link OneCycleLR}).
     *
     * @param value {@code base_momentum}
     * @return this builder
     */
    public B baseMomentum(double... value) {
        this.baseMomentum = value.clone();
        return self();
    }

    /**
     * {@code max_momentum}: one value or one per group (default PyTorch's: 0.9 for {@link CyclicLR},
     * 0.95 for {@link OneCycleLR}).
     *
     * @param value {@code max_momentum}
     * @return this builder
     */
    public B maxMomentum(double... value) {
        this.maxMomentum = value.clone();
        return self();
    }

    /**
     * The per-group {@code {base_momentum, max_momentum}} when the momentum cycles, else null.
     *
     * @param optimizer what the groups must carry, in the error's words ({@code momentum})
     * @throws InvalidValueException when the groups carry no momentum, or a list is neither one value nor
     *     one per group
     */
    final double[][] momentums(ParamGroups groups, String optimizer) {
        if (!cycleMomentum) {
            return null;
        }
        if (groups.momentumKind() == MomentumKind.NONE) {
            throw new InvalidValueException("cycle_momentum", "must be False for an optimizer without " + optimizer
                    + " (optimizer must support momentum with `cycle_momentum` option enabled)", "True");
        }
        int n = groups.size();
        return new double[][] {
            AbstractTorchScheduler.perGroup("base_momentum", TorchChecks.notNull("base_momentum", baseMomentum), n),
            AbstractTorchScheduler.perGroup("max_momentum", TorchChecks.notNull("max_momentum", maxMomentum), n)};
    }
}
