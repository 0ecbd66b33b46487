package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.List;

/**
 * PyTorch's {@code ChainedScheduler}: every step steps each of its schedulers in order, on the same
 * groups, so their chainable factors multiply. Construction does not step (the schedulers did their own
 * initial steps when built). PyTorch's {@code ChainedScheduler} has no {@code last_epoch}; here
 * {@link #lastEpoch()} counts its {@code step()} calls.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 1}, {@code ConstantLR(factor=0.1,
 * total_iters=2)} and {@code ExponentialLR(gamma=0.9)} built on the groups (0.1 after their construction),
 * then {@code 0.09000000000000001}, {@code 0.8100000000000002}, {@code 0.7290000000000002} (PyTorch's docs
 * say 0.09, 0.081, 0.729, 0.6561: its code gives these).
 */
public final class ChainedScheduler extends ComposedScheduler<TorchScheduler> {
    private ChainedScheduler(List<TorchScheduler> schedulers) {
        super("ChainedScheduler", schedulers.get(0).groups(), schedulers);
        this.lastLr = groups.lrs();
    }

    /**
     * {@code ChainedScheduler(schedulers)}.
     *
     * @param schedulers the schedulers, built on the same groups
     * @return the scheduler
     * @throws NullPointerException when the list or a scheduler is null
     * @throws IllegalArgumentException when there is no scheduler, one was built on other groups than the
     *     first (PyTorch's {@code ValueError}), or one needs a metric ({@code ReduceLROnPlateau}, which
     *     PyTorch's {@code ChainedScheduler} would step without one)
     */
    public static ChainedScheduler of(List<? extends TorchScheduler> schedulers) {
        TorchChecks.notNull("schedulers", schedulers);
        if (TorchChecks.hasNull(schedulers)) {
            throw new NullPointerException("schedulers must not hold null, got " + schedulers);
        }
        if (schedulers.isEmpty()) {
            throw new InvalidValueException("schedulers", "must hold at least one scheduler", "0");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            requireGroups(schedulers.get(i), i, schedulers.get(0).groups(), "schedulers[0]",
                    "ChainedScheduler expects all schedulers to belong to the same optimizer");
            if (schedulers.get(i).needsMetric()) {
                throw new InvalidValueException("schedulers[" + i + "]", "must step without a metric (ChainedScheduler"
                        + " calls step())", schedulers.get(i).name());
            }
        }
        return new ChainedScheduler(List.copyOf(schedulers));
    }

    @Override
    public void step() {
        for (TorchScheduler s : schedulers) {
            s.step();
        }
        lastEpoch++;
        lastLr = groups.lrs();
    }
}
