package org.lr4j.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.MetricScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.torch.TorchState;

/**
 * A timm scheduler driven step by step, so it can be a phase of a {@link ScheduleSequence}: it counts
 * its own time {@code t} (0 at construction) and each {@link #step()} calls, as timm's train.py does,
 * {@code step(t + 1, metric)} in epoch mode or {@code stepUpdate(t + 1, metric)} in update mode.
 *
 * <pre>{@code
 * ParamGroupList g = ParamGroupList.of(0.1);
 * TimmPhase p = TimmPhase.of(StepLRScheduler.builder(g, 2).decayRate(0.5).build());
 * p.step(); p.step();   // t = 2: lr = 0.05
 * }</pre>
 *
 * <p>Its state is a {@link TorchState} holding timm's {@link SchedulerState}: {@code lastEpoch} is
 * {@code t}, {@code baseLrs} the base values, {@code lrs} the groups' rates, and for {@code plateau} the
 * counters {@code best}, {@code num_bad_epochs}, {@code cooldown_counter} and, in {@code lastLr}, the
 * rates from before the last noise (empty when none).
 */
public final class TimmPhase implements TorchScheduler {
    private final LRScheduler scheduler;
    private long t;

    private TimmPhase(LRScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Wraps a timm scheduler just built (its time is 0).
     *
     * @param scheduler a timm scheduler, just built
     * @return the phase
     * @throws NullPointerException when {@code scheduler} is null
     */
    public static TimmPhase of(LRScheduler scheduler) {
        if (scheduler == null) {
            throw new NullPointerException("scheduler must be given, got null");
        }
        return new TimmPhase(scheduler);
    }

    /** {@return the timm scheduler driven} */
    public LRScheduler scheduler() {
        return scheduler;
    }

    @Override
    public String name() {
        return "timm:" + scheduler.name();
    }

    @Override
    public ParamGroups groups() {
        return scheduler.groups();
    }

    @Override
    public boolean needsMetric() {
        return scheduler instanceof MetricScheduler;
    }

    @Override
    public void step() {
        advance(null);
    }

    @Override
    public void step(double metric) {
        advance(metric);
    }

    private void advance(Double metric) {
        long next = t + 1;
        if (scheduler.tInEpochs()) {
            if (metric == null) {
                scheduler.step(next);
            } else {
                scheduler.step(next, metric);
            }
        } else if (metric == null) {
            scheduler.stepUpdate(next);
        } else {
            scheduler.stepUpdate(next, metric);
        }
        t = next;
    }

    @Override
    public long lastEpoch() {
        return t;
    }

    @Override
    public double[] lastLr() {
        return scheduler.groups().lrs();
    }

    @Override
    public TorchState state() {
        SchedulerState s = scheduler.state();
        List<Double> initial = new ArrayList<>();
        ParamGroups g = scheduler.groups();
        for (int i = 0; i < g.size(); i++) {
            initial.add(g.hasInitialLr(i) ? g.initialLr(i) : g.lr(i));
        }
        Map<String, Double> counters = Map.of();
        List<Double> restoreLrs = List.of();
        if (s.plateau() != null) {
            counters = Map.of("best", s.plateau().best(), "num_bad_epochs", (double) s.plateau().numBadEpochs(),
                    "cooldown_counter", (double) s.plateau().cooldownCounter());
            restoreLrs = s.plateau().restoreLrs() == null ? List.of() : s.plateau().restoreLrs();
        }
        return new TorchState(name(), t, 0, s.baseValues(), restoreLrs, s.lrs(), initial, List.of(), counters, List.of());
    }

    /**
     * Restores a state taken by {@link #state()} of the same timm scheduler kind.
     *
     * @throws IllegalArgumentException when the state is of another scheduler or group count
     */
    @Override
    public void restore(TorchState state) {
        Objects.requireNonNull(state, "state must be given, got null").requireFor(name());
        PlateauState p = null;
        if (!state.counters().isEmpty()) {
            p = new PlateauState(state.counter("best"), (long) state.counter("num_bad_epochs"),
                    (long) state.counter("cooldown_counter"), state.lastLr().isEmpty() ? null : state.lastLr());
        }
        scheduler.restore(new SchedulerState(scheduler.name(), state.baseLrs(), state.lrs(), p));
        t = state.lastEpoch();
    }
}
