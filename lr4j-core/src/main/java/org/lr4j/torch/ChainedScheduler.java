package org.lr4j.torch;

import java.util.ArrayList;
import java.util.List;
import org.lr4j.group.ParamGroups;

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
public final class ChainedScheduler implements TorchScheduler {
    private final ParamGroups groups;
    private final List<TorchScheduler> schedulers;
    private long steps;
    private double[] lastLr;

    private ChainedScheduler(List<TorchScheduler> schedulers) {
        this.schedulers = schedulers;
        this.groups = schedulers.get(0).groups();
        this.lastLr = groups.lrs();
    }

    /**
     * {@code ChainedScheduler(schedulers)}.
     *
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
            throw new IllegalArgumentException("schedulers must hold at least one scheduler, got 0");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).groups() != schedulers.get(0).groups()) {
                throw new IllegalArgumentException("schedulers[" + i + "] must be built on the groups of schedulers[0]"
                        + " (ChainedScheduler expects all schedulers to belong to the same optimizer), got other groups");
            }
            if (schedulers.get(i).needsMetric()) {
                throw new IllegalArgumentException("schedulers[" + i + "] must step without a metric (ChainedScheduler"
                        + " calls step()), got " + schedulers.get(i).name());
            }
        }
        return new ChainedScheduler(List.copyOf(schedulers));
    }

    @Override
    public String name() {
        return "ChainedScheduler";
    }

    @Override
    public ParamGroups groups() {
        return groups;
    }

    /** The schedulers, in order. */
    public List<TorchScheduler> schedulers() {
        return schedulers;
    }

    @Override
    public void step() {
        for (TorchScheduler s : schedulers) {
            s.step();
        }
        steps++;
        lastLr = groups.lrs();
    }

    @Override
    public long lastEpoch() {
        return steps;
    }

    @Override
    public double[] lastLr() {
        return lastLr.clone();
    }

    @Override
    public TorchState state() {
        List<TorchState> children = new ArrayList<>();
        for (TorchScheduler s : schedulers) {
            children.add(s.state());
        }
        TorchState first = children.get(0);
        return new TorchState(name(), steps, 0, List.of(), AbstractTorchScheduler.list(lastLr),
                AbstractTorchScheduler.list(groups.lrs()), first.initialLrs(), first.momentums(), java.util.Map.of(),
                children);
    }

    @Override
    public void restore(TorchState state) {
        SequentialLR.restoreComposite(this, schedulers, state);
        steps = state.lastEpoch();
        lastLr = AbstractTorchScheduler.array(state.lastLr());
    }
}
