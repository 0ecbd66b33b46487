package org.lr4j.compose;

import org.lr4j.schedule.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import org.lr4j.group.ParamGroups;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.state.SchedulerState;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.torch.TorchState;

/**
 * A step-counting scheduler ({@link TorchScheduler}: PyTorch's, transformers', a {@link ScheduleSequence})
 * behind timm's {@link LRScheduler} calls, so that {@code org.lr4j.factory.TrainLoop} (and
 * {@code lr4j train}) can drive it: one PyTorch {@code step()} per epoch ({@code stepOnUpdates = false},
 * acting on {@code step(epoch)}) or per optimizer update ({@code true}, acting on
 * {@code stepUpdate(numUpdates)}). A call with time {@code t} steps the scheduler until it has made
 * {@code t} steps (none when it already has: train.py's resume call {@code step(0)} changes nothing); a
 * metric goes to each of those steps ({@code ReduceLROnPlateau}), and a plateau is not stepped by a call
 * without one.
 *
 * <pre>{@code
 * ParamGroupList g = ParamGroupList.of(1.0);
 * LRScheduler s = TrainLoopScheduler.of(ExponentialLR.of(g, 0.5), false);
 * s.step(2);        // two PyTorch steps: lr = 0.25
 * s.stepUpdate(9);  // epoch mode: nothing
 * }</pre>
 *
 * <p>State: {@link #state()} gives the groups' rates under the name {@code torch:NAME}, enough for a
 * checkpoint's record; {@link #restore(SchedulerState)} refuses (a PyTorch scheduler's state is a
 * {@link TorchState}). What continues a run exactly is {@link #loopState()}: the scheduler's own
 * {@link TorchState} and the number of steps made, which {@link #restore(LoopState)} puts back into a
 * wrapper built the same way, so that the resumed run's rates (and cycled momentums) equal the
 * uninterrupted run's:
 *
 * <pre>{@code
 * TrainLoopScheduler a = TrainLoopScheduler.of(ExponentialLR.of(ParamGroupList.of(1.0), 0.5), false);
 * a.step(2);                                  // lr = 0.25
 * TrainLoopScheduler.LoopState saved = a.loopState();
 * TrainLoopScheduler b = TrainLoopScheduler.of(ExponentialLR.of(ParamGroupList.of(1.0), 0.5), false);
 * b.restore(saved);                           // lr = 0.25, 2 steps made
 * b.step(2);                                  // train.py's resume call: nothing
 * b.step(3);                                  // lr = 0.125, as a.step(3)
 * }</pre>
 */
public final class TrainLoopScheduler implements LRScheduler {
    private final TorchScheduler scheduler;
    private final boolean onUpdates;
    private final long maxSteps;
    private long done;

    private TrainLoopScheduler(TorchScheduler scheduler, boolean onUpdates, long maxSteps) {
        this.scheduler = scheduler;
        this.onUpdates = onUpdates;
        this.maxSteps = maxSteps;
    }

    /**
     * Wraps {@code scheduler}, just built (no step made yet).
     *
     * @param scheduler the scheduler, just built
     * @param stepOnUpdates true to step after every optimizer update, false after every epoch
     * @return the wrapper
     * @throws NullPointerException when {@code scheduler} is null
     */
    public static TrainLoopScheduler of(TorchScheduler scheduler, boolean stepOnUpdates) {
        return of(scheduler, stepOnUpdates, Long.MAX_VALUE);
    }

    /**
     * Wraps {@code scheduler}, making at most {@code maxSteps} steps: later calls keep the rate of the last
     * one (a run whose last epoch holds more updates than the schedule has steps, as
     * {@code OneCycleLR(total_steps=100)} over 7 epochs of 15 updates, does not step past its end).
     *
     * @param scheduler the scheduler, just built
     * @param stepOnUpdates true to step after every optimizer update, false after every epoch
     * @param maxSteps the most steps to make, {@code >= 0}
     * @return the wrapper
     * @throws NullPointerException when {@code scheduler} is null
     * @throws IllegalArgumentException when {@code maxSteps < 0}
     */
    public static TrainLoopScheduler of(TorchScheduler scheduler, boolean stepOnUpdates, long maxSteps) {
        if (scheduler == null) {
            throw new NullPointerException("scheduler must be given, got null");
        }
        if (maxSteps < 0) {
            throw new InvalidValueException("maxSteps", "must be >= 0", String.valueOf(maxSteps));
        }
        return new TrainLoopScheduler(scheduler, stepOnUpdates, maxSteps);
    }

    /** {@return the scheduler driven} */
    public TorchScheduler scheduler() {
        return scheduler;
    }

    @Override
    public String name() {
        return "torch:" + scheduler.name();
    }

    @Override
    public ParamGroups groups() {
        return scheduler.groups();
    }

    @Override
    public boolean tInEpochs() {
        return !onUpdates;
    }

    private void advance(long t, Double metric) {
        if (t < 0) {
            throw new InvalidValueException("t", "must be >= 0", String.valueOf(t));
        }
        if (scheduler.needsMetric() && metric == null) {
            return;
        }
        while (done < Math.min(t, maxSteps)) {
            if (metric != null) {
                scheduler.step(metric);
            } else {
                scheduler.step();
            }
            done++;
        }
    }

    @Override
    public void step(long epoch) {
        if (!onUpdates) {
            advance(epoch, null);
        }
    }

    @Override
    public void step(long epoch, double metric) {
        if (!onUpdates) {
            advance(epoch, metric);
        }
    }

    @Override
    public void stepUpdate(long numUpdates) {
        if (onUpdates) {
            advance(numUpdates, null);
        }
    }

    @Override
    public void stepUpdate(long numUpdates, double metric) {
        if (onUpdates) {
            advance(numUpdates, metric);
        }
    }

    @Override
    public double[] baseValues() {
        ParamGroups g = scheduler.groups();
        double[] out = new double[g.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.hasInitialLr(i) ? g.initialLr(i) : g.lr(i);
        }
        return out;
    }

    @Override
    public SchedulerState state() {
        List<Double> base = new ArrayList<>();
        List<Double> lrs = new ArrayList<>();
        for (double v : baseValues()) {
            base.add(Math.max(0, v));
        }
        for (double v : scheduler.groups().lrs()) {
            lrs.add(Math.max(0, v));
        }
        return new SchedulerState(name(), base, lrs, null);
    }

    /**
     * What continues a run exactly: the steps made and the driven scheduler's own state.
     *
     * @param steps the PyTorch {@code step()} calls made since the scheduler was built, {@code >= 0}
     * @param scheduler the scheduler's {@link TorchScheduler#state()} after them
     */
    public record LoopState(long steps, TorchState scheduler) {
        /**
         * Validates.
         *
         * @param steps the steps made, {@code >= 0}
         * @param scheduler the scheduler's state
         * @throws IllegalArgumentException when {@code steps < 0}
         * @throws NullPointerException when {@code scheduler} is null
         */
        public LoopState {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            if (scheduler == null) {
                throw new NullPointerException("scheduler must be given, got null");
            }
        }
    }

    /**
     * The state now: steps made and the scheduler's {@link TorchState}.
     *
     * @return the state, for {@link #restore(LoopState)}
     */
    public LoopState loopState() {
        return new LoopState(done, scheduler.state());
    }

    /**
     * Puts back a {@link #loopState()} taken from a wrapper built the same way (same scheduler class,
     * arguments, groups and step mode): the scheduler's state (its groups' {@code lr}, {@code initial_lr} and
     * momentum included) and the steps made. Checks the step count first; the scheduler checks its state
     * before changing anything.
     *
     * @param state the state to restore
     * @throws IllegalArgumentException when the steps exceed this wrapper's {@code maxSteps}, or the scheduler
     *     refuses the state (another scheduler's, another number of groups)
     * @throws NullPointerException when {@code state} is null
     */
    public void restore(LoopState state) {
        if (state == null) {
            throw new NullPointerException("state must be given, got null");
        }
        if (state.steps() > maxSteps) {
            throw new IllegalArgumentException("state.steps must be <= " + maxSteps + " (the schedule's steps), got "
                    + state.steps());
        }
        scheduler.restore(state.scheduler());
        done = state.steps();
    }

    /**
     * Refuses: a PyTorch or transformers schedule resumes from its own state, {@link #restore(LoopState)}.
     *
     * @throws IllegalArgumentException always
     */
    @Override
    public void restore(SchedulerState state) {
        throw new IllegalArgumentException("state cannot restore " + name() + " (a PyTorch or transformers schedule"
                + " resumes from its own TorchState: restore(LoopState))");
    }
}
