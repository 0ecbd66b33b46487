package org.lr4j.driver;

import java.util.Optional;
import org.lr4j.state.SchedulerState;

/**
 * A timm learning-rate scheduler: it writes learning rates into an optimizer's {@link ParamGroups} when
 * the caller steps it with an explicit epoch or update count. Nothing counts internally: the caller
 * passes every {@code t}, and (plateau aside) calls in any order give the same values.
 *
 * <p>Driving it as timm's train.py does:
 * <pre>{@code
 * for (long epoch = 0; epoch < epochs; epoch++) {
 *     for (int b = 0; b < batches; b++) {
 *         optimizer.update();                       // uses groups.lr(g)
 *         scheduler.stepUpdate(++numUpdates, loss);  // acts only in update mode
 *     }
 *     scheduler.step(epoch + 1, evalMetric);         // acts only in epoch mode
 * }
 * }</pre>
 *
 * <p>Thread safety: a scheduler's configuration and its schedule are immutable. {@code step},
 * {@code stepUpdate} and {@code restore} write the groups (and, for plateau, the scheduler's own
 * counters); call them from one thread at a time, as an optimizer is used. The pure queries
 * ({@link #values(long, boolean)}, {@link #lrAt(long)}, {@link #baseValues()}) allocate their result,
 * read only an immutable snapshot of the base values, and may be called from any number of threads at
 * once, also while another thread steps the scheduler; a query that overlaps a {@code restore} sees the
 * base values from before or after it, never a mix. They give the same values whatever the order of
 * the calls.
 */
public interface LRScheduler {
    /** timm's {@code --sched} name of this scheduler: {@code tanh}, {@code cosine}, ... */
    String name();

    /** The groups this scheduler writes. */
    ParamGroups groups();

    /** Whether {@code t} counts epochs ({@code t_in_epochs = true}) or optimizer updates. */
    boolean tInEpochs();

    /**
     * End-of-epoch call: in epoch mode, computes the values at {@code epoch}, adds noise where it
     * applies, and writes the groups; in update mode, does nothing.
     *
     * @param epoch the epoch index, {@code >= 0}
     * @param metric the eval metric (used by plateau only), or null
     * @throws IllegalArgumentException when {@code epoch < 0}
     */
    void step(long epoch, Double metric);

    /**
     * Per-update call: in update mode, computes the values at {@code numUpdates}, adds noise where it
     * applies, and writes the groups; in epoch mode, does nothing.
     *
     * @param numUpdates the number of optimizer updates so far, {@code >= 0}
     * @param metric ignored by every timm scheduler; accepted for symmetry with train.py
     * @throws IllegalArgumentException when {@code numUpdates < 0}
     */
    void stepUpdate(long numUpdates, Double metric);

    /**
     * The pure values at {@code t} (no noise, no {@code lr_scale}), one per group, when the mode
     * matches ({@code onEpoch == tInEpochs()}); empty otherwise, as timm's
     * {@code get_epoch_values}/{@code get_update_values} return {@code None}.
     *
     * @throws IllegalArgumentException when {@code t < 0}
     * @throws UnsupportedOperationException for plateau, whose values depend on metrics
     */
    default Optional<double[]> values(long t, boolean onEpoch) {
        return onEpoch == tInEpochs() ? Optional.of(lrAt(t)) : Optional.empty();
    }

    /** {@code values(epoch, true)}: timm 0.4's {@code get_epoch_values}. */
    default Optional<double[]> epochValues(long epoch) {
        return values(epoch, true);
    }

    /** {@code values(numUpdates, false)}: timm 0.4's {@code get_update_values}. */
    default Optional<double[]> updateValues(long numUpdates) {
        return values(numUpdates, false);
    }

    /**
     * The pure values at {@code t} whatever the mode (no noise, no {@code lr_scale}): timm's
     * {@code _get_lr(t)}.
     *
     * @throws IllegalArgumentException when {@code t < 0}
     * @throws UnsupportedOperationException for plateau, whose values depend on metrics
     */
    double[] lrAt(long t);

    /** The base learning rates ({@code initial_lr} of each group at construction). A copy. */
    double[] baseValues();

    /** The complete state of this scheduler and of its groups' learning rates, as one plain value. */
    SchedulerState state();

    /**
     * Restores a state taken by {@link #state()} from a scheduler of the same kind and group count:
     * the base values (also written as the groups' {@code initial_lr}), the groups' {@code lr}, and
     * (plateau) the decision counters and the rates from before the last noise. A scheduler built with
     * the same configuration on fresh groups and restored this way continues exactly as the one the state
     * was taken from, bit for bit; no other call is needed (train.py's resume call,
     * {@code TrainDrive.resume}, may follow and changes nothing).
     *
     * @throws IllegalArgumentException when the state is of another scheduler or another group count, or
     *     a restored base value would let a learning rate overflow
     */
    void restore(SchedulerState state);
}
