package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.state.SchedulerState;

/**
 * A learning-rate scheduler: it writes learning rates into an optimizer's {@link ParamGroups} when the
 * caller steps it with an explicit epoch or update count. Nothing counts internally: the caller passes
 * every {@code t}.
 *
 * <p>Two kinds, each its own interface: {@link TimeScheduler} (a pure value for every {@code t}, so
 * calls in any order give the same values: tanh, cosine, poly, step, multistep) and
 * {@link MetricScheduler} (the next rates depend on the metrics passed so far: plateau). This interface
 * holds what both answer; ask for a kind with {@code instanceof}.
 *
 * <p>The other way of driving a scheduler, PyTorch's, where the scheduler counts its own steps and the
 * next rates may be computed from the last ones written ({@code step()}, {@code last_epoch}, its
 * recursive {@code CosineAnnealingLR}, {@code ChainedScheduler}), is {@code org.lr4j.torch.TorchScheduler}
 * (PyTorch's, transformers', and a {@code org.lr4j.compose.ScheduleSequence}). The two contracts meet
 * in two adapters: {@code org.lr4j.compose.TrainLoopScheduler} drives a {@code TorchScheduler} as an
 * {@code LRScheduler} (train.py's loop), {@code org.lr4j.compose.TimmPhase} an {@code LRScheduler} as a
 * {@code TorchScheduler} (a phase of a sequence).
 *
 * <p>Driving it as timm's train.py does:
 * <pre>{@code
 * for (long epoch = 0; epoch < epochs; epoch++) {
 *     for (int b = 0; b < batches; b++) {
 *         optimizer.update();                       // uses groups.lr(g)
 *         scheduler.stepUpdate(++numUpdates);        // acts only in update mode
 *     }
 *     scheduler.step(epoch + 1, evalMetric);         // acts only in epoch mode
 * }
 * }</pre>
 *
 * <p>Thread safety: a scheduler's configuration and its schedule are immutable. {@code step},
 * {@code stepUpdate} and {@code restore} write the groups (and, for plateau, the scheduler's own
 * counters); call them from one thread at a time, as an optimizer is used. The queries
 * ({@link #baseValues()}, and a {@link TimeScheduler}'s values) allocate their result, read only an
 * immutable snapshot of the base values, and may be called from any number of threads at once, also
 * while another thread steps the scheduler; a query that overlaps a {@code restore} sees the base values
 * from before or after it, never a mix.
 */
public interface LRScheduler {
    /** {@return the scheduler's name, timm's {@code --sched} name where it has one: {@code tanh}, {@code cosine}, ...} */
    String name();

    /** {@return the groups this scheduler writes} */
    ParamGroups groups();

    /** {@return whether {@code t} counts epochs ({@code t_in_epochs = true}) or optimizer updates} */
    boolean tInEpochs();

    /**
     * End-of-epoch call without a metric: in epoch mode, computes the values at {@code epoch}, adds
     * noise where it applies, and writes the groups; in update mode, does nothing.
     *
     * @param epoch the epoch index, {@code >= 0}
     * @throws IllegalArgumentException when {@code epoch < 0}
     */
    void step(long epoch);

    /**
     * End-of-epoch call with the eval metric: as {@link #step(long)}, and a {@link MetricScheduler}
     * decides on {@code metric} (NaN counts as never better); the other kinds ignore it.
     *
     * @param epoch the epoch index, {@code >= 0}
     * @param metric the eval metric of the epoch (plateau: a loss in mode min, an accuracy in mode max)
     * @throws IllegalArgumentException when {@code epoch < 0}
     */
    void step(long epoch, double metric);

    /**
     * Per-update call: in update mode, computes the values at {@code numUpdates}, adds noise where it
     * applies, and writes the groups; in epoch mode, does nothing.
     *
     * @param numUpdates the number of optimizer updates so far, {@code >= 0}
     * @throws IllegalArgumentException when {@code numUpdates < 0}
     */
    void stepUpdate(long numUpdates);

    /**
     * Per-update call with a metric (train.py passes the running loss): every timm scheduler ignores
     * it, so this is {@link #stepUpdate(long)} unless a scheduler says otherwise.
     *
     * @param numUpdates the number of optimizer updates so far, {@code >= 0}
     * @param metric the running loss, or any metric
     * @throws IllegalArgumentException when {@code numUpdates < 0}
     */
    default void stepUpdate(long numUpdates, double metric) {
        stepUpdate(numUpdates);
    }

    /** {@return the base learning rates ({@code initial_lr} of each group at construction); a copy} */
    double[] baseValues();

    /** {@return the complete state of this scheduler and of its groups' learning rates, as one plain value} */
    SchedulerState state();

    /**
     * Restores a state taken by {@link #state()} from a scheduler of the same kind and group count:
     * the base values (also written as the groups' {@code initial_lr}), the groups' {@code lr}, and
     * (plateau) the decision counters and the rates from before the last noise. A scheduler built with
     * the same configuration on fresh groups and restored this way continues exactly as the one the state
     * was taken from, bit for bit; no other call is needed (train.py's resume call,
     * {@code TrainLoop.resume}, may follow and changes nothing).
     *
     * @param state a state from {@link #state()}, for example read back with {@code StateJson.fromJson}
     * @throws IllegalArgumentException when the state is of another scheduler or another group count, or
     *     a restored base value would let a learning rate overflow
     */
    void restore(SchedulerState state);
}
