package org.lr4j.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lr4j.group.ParamGroups;
import org.lr4j.schedule.InvalidValueException;

/**
 * What {@link SequentialLR} and {@link ChainedScheduler} share: schedulers built on the same groups, a
 * step count ({@code last_epoch}), the rates the last step wrote, and a state that holds the children's.
 */
abstract class ComposedScheduler<S extends TorchScheduler> implements TorchScheduler {
    private final String name;
    final ParamGroups groups;
    final List<S> schedulers;
    long lastEpoch;
    double[] lastLr;

    ComposedScheduler(String name, ParamGroups groups, List<S> schedulers) {
        this.name = name;
        this.groups = groups;
        this.schedulers = schedulers;
    }

    /**
     * Refuses {@code schedulers[i]} when it was built on other groups than {@code groups}, with PyTorch's
     * words {@code why}.
     *
     * @throws InvalidValueException then
     */
    static void requireGroups(TorchScheduler scheduler, int i, ParamGroups groups, String owner, String why) {
        if (scheduler.groups() != groups) {
            throw new InvalidValueException("schedulers[" + i + "]", "must be built on the groups of " + owner
                    + " (" + why + ")", "other groups");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParamGroups groups() {
        return groups;
    }

    /** {@return the schedulers, in order} */
    public final List<TorchScheduler> schedulers() {
        return List.copyOf(schedulers);
    }

    @Override
    public final long lastEpoch() {
        return lastEpoch;
    }

    @Override
    public final double[] lastLr() {
        return lastLr.clone();
    }

    @Override
    public final TorchState state() {
        List<TorchState> children = new ArrayList<>();
        for (TorchScheduler s : schedulers) {
            children.add(s.state());
        }
        TorchState first = children.get(0);
        return new TorchState(name, lastEpoch, 0, List.of(), AbstractTorchScheduler.list(lastLr),
                AbstractTorchScheduler.list(groups.lrs()), first.initialLrs(), first.momentums(), Map.of(), children);
    }

    @Override
    public final void restore(TorchState state) {
        if (state == null) {
            throw new NullPointerException("state must be given, got null");
        }
        state.requireFor(name);
        if (state.children().size() != schedulers.size()) {
            throw new InvalidValueException("state.children", "must hold one state per scheduler ("
                    + schedulers.size() + ")", String.valueOf(state.children().size()));
        }
        for (int i = 0; i < schedulers.size(); i++) {
            schedulers.get(i).restore(state.children().get(i));
        }
        if (state.lrs().size() != groups.size()) {
            throw new InvalidValueException("state.lrs", "must hold one value per group (" + groups.size() + ")",
                    String.valueOf(state.lrs().size()));
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.setLr(g, state.lrs().get(g));
        }
        lastEpoch = state.lastEpoch();
        lastLr = AbstractTorchScheduler.array(state.lastLr());
    }
}
