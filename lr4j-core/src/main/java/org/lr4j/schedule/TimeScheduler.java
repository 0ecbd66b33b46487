package org.lr4j.schedule;

import java.util.Optional;

/**
 * A time-driven scheduler: its value at every {@code t} is a pure function of {@code t} and the base
 * rates (timm's {@code _get_lr(t)}), so steps in any order write the same rates and the values can be
 * asked for without stepping. tanh, cosine, poly, step and multistep are of this kind; a metric passed to
 * {@link #step(long, double)} is ignored.
 *
 * <p>Example (asserted by {@code TanhLRSchedulerTest}): tanh with {@code t_initial = 50} on one group
 * with {@code lr = 0.1}: {@code lrAt(35)[0] = 0.050000000000000044}.
 */
public interface TimeScheduler extends LRScheduler {
    /** Ignores {@code metric}: {@link #step(long)}. */
    @Override
    default void step(long epoch, double metric) {
        step(epoch);
    }

    /**
     * The pure values at {@code t} whatever the mode (no noise, no {@code lr_scale}), one per group:
     * timm's {@code _get_lr(t)}.
     *
     * @param t the epoch or update count, {@code >= 0}
     * @return one value per group, a new array
     * @throws IllegalArgumentException when {@code t < 0}
     */
    double[] lrAt(long t);

    /**
     * The pure values at {@code t} (no noise, no {@code lr_scale}), one per group, when the mode
     * matches ({@code onEpoch == tInEpochs()}); empty otherwise, as timm's
     * {@code get_epoch_values}/{@code get_update_values} return {@code None}.
     *
     * @param t the epoch or update count, {@code >= 0}
     * @param onEpoch true for the values of an epoch call, false for an update call
     * @return one value per group, or empty in the other mode
     * @throws IllegalArgumentException when {@code t < 0}
     */
    default Optional<double[]> values(long t, boolean onEpoch) {
        return onEpoch == tInEpochs() ? Optional.of(lrAt(t)) : Optional.empty();
    }

    /**
     * {@code values(epoch, true)}: timm 0.4's {@code get_epoch_values}.
     *
     * @param epoch the epoch, {@code >= 0}
     * @return the values in epoch mode, else empty
     * @throws IllegalArgumentException when {@code epoch < 0}
     */
    default Optional<double[]> epochValues(long epoch) {
        return values(epoch, true);
    }

    /**
     * {@code values(numUpdates, false)}: timm 0.4's {@code get_update_values}.
     *
     * @param numUpdates the update count, {@code >= 0}
     * @return the values in update mode, else empty
     * @throws IllegalArgumentException when {@code numUpdates < 0}
     */
    default Optional<double[]> updateValues(long numUpdates) {
        return values(numUpdates, false);
    }
}
