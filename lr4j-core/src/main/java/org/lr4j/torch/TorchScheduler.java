package org.lr4j.torch;

import org.lr4j.group.ParamGroups;

/**
 * A PyTorch learning-rate scheduler ({@code torch.optim.lr_scheduler}, 1.13): it counts its own steps
 * and writes the learning rates (and, for {@link CyclicLR} and {@link OneCycleLR}, the momentum) of the
 * {@link ParamGroups} it was built on. Driven as PyTorch documents: build it (which performs PyTorch's
 * initial step, so the groups already hold the first value), then call {@link #step()} once per
 * epoch or batch after the optimizer's update ({@link #step(double)} with the metric for
 * {@link ReduceLROnPlateau}).
 *
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
 * OneCycleLR s = OneCycleLR.builder(groups, 0.1).totalSteps(100).build();
 * groups.lr(0);        // 0.0040000000000000036 (max_lr / div_factor)
 * for (int i = 0; i < 99; i++) { optimizerUpdate(); s.step(); }
 * }</pre>
 *
 * <p>This is lr4j's step-counting kind of scheduler, beside the caller-timed
 * {@link org.lr4j.schedule.LRScheduler} of timm: PyTorch's schedulers, transformers' schedules (which are
 * PyTorch {@code LambdaLR}s in Python too) and {@code org.lr4j.compose.ScheduleSequence} implement it.
 * Some of them are chainable in PyTorch's sense (the next rate computed from the last one written:
 * {@link CosineAnnealingLR}, {@link LinearLR}, ..., which is what lets {@link ChainedScheduler} multiply
 * their factors); the contract is the same for all.
 *
 * <p>Not thread-safe, like the optimizer it drives: one thread at a time.
 */
public interface TorchScheduler {
    /** {@return PyTorch's class name: {@code StepLR}, {@code OneCycleLR}, ..} */
    String name();

    /** {@return the groups this scheduler writes} */
    ParamGroups groups();

    /**
     * PyTorch's {@code scheduler.step()}: advances {@code last_epoch} by one and writes the groups.
     *
     * @throws IllegalStateException where PyTorch raises at this step ({@link OneCycleLR} past
     *     {@code total_steps}, a division by zero of the reference's formula, or {@link ReduceLROnPlateau},
     *     which needs a metric); the groups are then left as they were
     */
    void step();

    /**
     * {@code scheduler.step(metric)}: {@link ReduceLROnPlateau} decides with the metric; every other
     * scheduler ignores it and steps as {@link #step()}.
     *
     * @param metric the metric of the epoch just trained
     * @throws IllegalStateException as {@link #step()}
     */
    default void step(double metric) {
        step();
    }

    /** {@return whether {@link #step(double)} needs a metric ({@link ReduceLROnPlateau} only)} */
    default boolean needsMetric() {
        return false;
    }

    /** {@return PyTorch's {@code last_epoch}: the number of {@code step()} calls, the initial one counting as epoch 0} */
    long lastEpoch();

    /** {@return PyTorch's {@code get_last_lr()}: the rates the last step wrote (a copy)} */
    double[] lastLr();

    /**
     * The scheduler's complete state, PyTorch's {@code state_dict()} plus the groups' rates and momentum
     * (which PyTorch keeps in the optimizer's state): a plain value.
     *
     * @return the state
     */
    TorchState state();

    /**
     * Restores a state taken by {@link #state()} from a scheduler of the same class, configuration and
     * group count: a scheduler built on fresh groups and restored this way continues exactly as the one
     * the state was taken from.
     *
     * @param state a state from {@link #state()}
     * @throws IllegalArgumentException when the state is of another scheduler or group count
     */
    void restore(TorchState state);
}
