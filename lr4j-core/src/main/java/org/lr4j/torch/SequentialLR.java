package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code SequentialLR}: schedulers built on the same groups, each taking over at a milestone.
 * Reproduced with PyTorch's quirks, because its traces have them:
 * <ul>
 *   <li>the schedulers are built first, on the same groups, each doing its own initial step (so a later
 *       one starts from the rate the earlier ones left); then {@code SequentialLR} resets every group's
 *       {@code lr} to its {@code initial_lr}, moves every scheduler's {@code last_epoch} back by one and
 *       repeats the first scheduler's initial step;</li>
 *   <li>at milestone {@code m_i} the scheduler {@code i} is stepped with {@code step(0)}: its closed form
 *       at epoch 0 where it has one (so {@code CosineAnnealingLR} restarts from its {@code initial_lr}),
 *       else its chainable {@code get_lr} at epoch 0 (which reads the current rate: {@code LinearLR}
 *       multiplies it by {@code start_factor} again); between milestones, plain {@code step()}.</li>
 * </ul>
 * The scheduler in charge at a step is {@code bisect_right(milestones, last_epoch)}. {@code ReduceLROnPlateau},
 * {@code SequentialLR} and {@code ChainedScheduler} cannot be held (PyTorch steps them with
 * {@code step(0)}/{@code step()}, which they cannot take: its open issue 68978); for a sequence that
 * holds any schedule, a plateau phase too, see {@code org.lr4j.compose.ScheduleSequence}.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 1}, {@code ConstantLR(factor=0.1,
 * total_iters=2)} then {@code ExponentialLR(gamma=0.9)} at milestone 2: 0.1, 0.1, then 1.0 (the
 * {@code step(0)}: the closed form at epoch 0), 0.9, 0.81 (PyTorch's own docs say 0.9 at epoch 2; its code gives 1.0).
 */
public final class SequentialLR extends ComposedScheduler<AbstractTorchScheduler> {
    private final List<Long> milestones;

    private SequentialLR(ParamGroups groups, List<AbstractTorchScheduler> schedulers, List<Long> milestones) {
        super("SequentialLR", groups, schedulers);
        this.milestones = milestones;
        this.lastEpoch = 0;
        for (int g = 0; g < groups.size(); g++) {
            groups.setLr(g, groups.initialLr(g));
        }
        for (AbstractTorchScheduler s : schedulers) {
            s.rewindOneEpoch();
        }
        schedulers.get(0).initialStep();
        this.lastLr = schedulers.get(0).lastLr();
    }

    /**
     * {@code SequentialLR(optimizer, schedulers, milestones)}: builds it and performs its construction steps.
     *
     * @param groups the groups every scheduler was built on
     * @param schedulers the schedulers, built on {@code groups}, in order
     * @param milestones the steps at which the next scheduler takes over, one fewer than the schedulers
     * @return the scheduler
     * @throws NullPointerException when an argument or an element is null
     * @throws IllegalArgumentException when a scheduler was built on other groups, the milestones are not
     *     one fewer than the schedulers (PyTorch's {@code ValueError}s), there is no scheduler, or a
     *     scheduler is one {@code SequentialLR} cannot step ({@code ReduceLROnPlateau},
     *     {@code SequentialLR}, {@code ChainedScheduler})
     */
    public static SequentialLR of(ParamGroups groups, List<? extends TorchScheduler> schedulers, List<Long> milestones) {
        TorchChecks.notNull("param_groups", groups);
        TorchChecks.notNull("schedulers", schedulers);
        TorchChecks.notNull("milestones", milestones);
        if (TorchChecks.hasNull(schedulers) || TorchChecks.hasNull(milestones)) {
            throw new NullPointerException("schedulers and milestones must not hold null, got " + schedulers + " and "
                    + milestones);
        }
        List<AbstractTorchScheduler> list = new ArrayList<>();
        for (int i = 0; i < schedulers.size(); i++) {
            TorchScheduler s = schedulers.get(i);
            requireGroups(s, i, groups, "the SequentialLR",
                    "Sequential Schedulers expects all schedulers to belong to the same optimizer");
            if (!(s instanceof AbstractTorchScheduler a)) {
                throw new InvalidValueException("schedulers[" + i + "]", "must be a scheduler SequentialLR can step"
                        + " with step(0) (not ReduceLROnPlateau, SequentialLR or ChainedScheduler: PyTorch issue 68978;"
                        + " use org.lr4j.compose.ScheduleSequence)", s.name());
            }
            list.add(a);
        }
        if (milestones.size() != schedulers.size() - 1) {
            throw new InvalidValueException("milestones", "must be one fewer than the schedulers (Sequential"
                    + " Schedulers expects number of schedulers provided to be one more than the number of milestone"
                    + " points, but got number of schedulers " + schedulers.size() + " and the number of milestones to"
                    + " be equal to " + milestones.size() + ")", milestones.size() + " milestones");
        }
        if (list.isEmpty()) {
            throw new InvalidValueException("schedulers", "must hold at least one scheduler", "0");
        }
        return new SequentialLR(groups, List.copyOf(list), List.copyOf(milestones));
    }

    /** {@return the milestones, as given} */
    public List<Long> milestones() {
        return milestones;
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = PyOps.bisectRight(milestones, lastEpoch);
        AbstractTorchScheduler s = schedulers.get(idx);
        if (idx > 0 && milestones.get(idx - 1) == lastEpoch) {
            s.stepAt(0);
        } else {
            s.step();
        }
        lastLr = s.lastLr();
    }
}
