package org.lr4j.factory;

import java.util.ArrayList;
import java.util.List;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * timm's train.py loop around a scheduler, the one lr4j has: the learning rate in effect during epoch
 * {@code e} is what the groups hold when the epoch starts; after each optimizer update
 * ({@code num_updates} counting from 1) train.py calls {@code step_update(num_updates, loss)}; at the end
 * of epoch {@code e} it calls {@code step(e + 1, eval_metric)}. Resuming at {@code start_epoch > 0}
 * first calls {@code step_update(start_epoch * updates_per_epoch)} (update mode) or
 * {@code step(start_epoch)}.
 *
 * <p>A real training loop makes these calls through an instance, in its own order ({@link #resume(long)},
 * then per epoch {@link #beginEpoch(long)}, {@link #afterUpdate()} after each update,
 * {@link #endEpoch(long, double)}); {@link #drive} and {@link #run} make the same calls without the
 * training and record the learning rates (the table, the plot, the replay).
 *
 * <p>Example (asserted by {@code FactoryTest}): {@code --sched step --epochs 40 --decay-epochs 10
 * --decay-rate 0.5 --warmup-epochs 0} on one group with {@code lr = 0.1} gives epoch rates 0.1 for
 * epochs 0..9, then 0.05 for epochs 10..19.
 */
public final class TrainLoop {
    /** The most calls one drive may make ({@code epochs * updates_per_epoch}), to refuse runaway input. */
    public static final long MAX_UPDATES = 100_000_000L;

    private final LRScheduler scheduler;
    private final long updatesPerEpoch;
    private final boolean timed;
    private long numUpdates;
    private long schedulerNanos;

    private TrainLoop(LRScheduler scheduler, long updatesPerEpoch, boolean timed) {
        this.scheduler = Checks.notNull("scheduler", scheduler);
        this.updatesPerEpoch = Checks.positive("updates_per_epoch", updatesPerEpoch);
        this.timed = timed;
    }

    /**
     * The loop's calls on {@code scheduler}, whose mode ({@link LRScheduler#tInEpochs()}) is train.py's
     * {@code --sched-on-updates}.
     *
     * @param scheduler the scheduler to drive
     * @param updatesPerEpoch optimizer updates per epoch, {@code >= 1}
     * @return a loop at update count 0
     * @throws IllegalArgumentException when {@code updatesPerEpoch < 1}
     */
    public static TrainLoop of(LRScheduler scheduler, long updatesPerEpoch) {
        return new TrainLoop(scheduler, updatesPerEpoch, false);
    }

    /**
     * As {@link #of}, also adding up the time spent inside the scheduler's calls
     * ({@link #schedulerNanos()}), to report the scheduler's share of a training step.
     *
     * @param scheduler the scheduler to drive
     * @param updatesPerEpoch optimizer updates per epoch, {@code >= 1}
     * @return a timed loop at update count 0
     * @throws IllegalArgumentException when {@code updatesPerEpoch < 1}
     */
    public static TrainLoop timed(LRScheduler scheduler, long updatesPerEpoch) {
        return new TrainLoop(scheduler, updatesPerEpoch, true);
    }

    /**
     * train.py's resume call at {@code startEpoch} (see {@link #resume(LRScheduler, boolean, long, long)});
     * the update count becomes {@code startEpoch * updates_per_epoch}.
     *
     * @param startEpoch the first epoch to train, {@code >= 0}
     * @throws IllegalArgumentException when {@code startEpoch < 0}
     */
    public void resume(long startEpoch) {
        Checks.nonNegative("start_epoch", startEpoch);
        long t0 = timed ? System.nanoTime() : 0;
        resume(scheduler, !scheduler.tInEpochs(), startEpoch, updatesPerEpoch);
        if (timed) {
            schedulerNanos += System.nanoTime() - t0;
        }
        numUpdates = startEpoch * updatesPerEpoch;
    }

    /**
     * Start of epoch {@code epoch}: {@code num_updates = epoch * updates_per_epoch}.
     *
     * @param epoch the epoch about to train, {@code >= 0}
     */
    public void beginEpoch(long epoch) {
        numUpdates = epoch * updatesPerEpoch;
    }

    /**
     * After an optimizer update: {@code step_update(++num_updates)}.
     *
     * @return the new update count
     */
    public long afterUpdate() {
        if (timed) {
            long t0 = System.nanoTime();
            scheduler.stepUpdate(++numUpdates);
            schedulerNanos += System.nanoTime() - t0;
        } else {
            scheduler.stepUpdate(++numUpdates);
        }
        return numUpdates;
    }

    /**
     * After an optimizer update with the running loss: {@code step_update(++num_updates, loss)}.
     *
     * @return the new update count
     * @param loss the running loss (timm's schedulers ignore it)
     */
    public long afterUpdate(double loss) {
        long t0 = timed ? System.nanoTime() : 0;
        scheduler.stepUpdate(++numUpdates, loss);
        if (timed) {
            schedulerNanos += System.nanoTime() - t0;
        }
        return numUpdates;
    }

    /**
     * End of epoch {@code epoch} without an eval metric: {@code step(epoch + 1)}.
     *
     * @param epoch the epoch just trained, {@code >= 0}
     * @throws IllegalArgumentException when {@code epoch + 1 < 0}
     */
    public void endEpoch(long epoch) {
        long t0 = timed ? System.nanoTime() : 0;
        scheduler.step(epoch + 1);
        if (timed) {
            schedulerNanos += System.nanoTime() - t0;
        }
    }

    /**
     * End of epoch {@code epoch}: {@code step(epoch + 1, metric)}.
     *
     * @param epoch the epoch just trained, {@code >= 0}
     * @param metric the epoch's eval metric (plateau decides on it)
     * @throws IllegalArgumentException when {@code epoch + 1 < 0}
     */
    public void endEpoch(long epoch, double metric) {
        long t0 = timed ? System.nanoTime() : 0;
        scheduler.step(epoch + 1, metric);
        if (timed) {
            schedulerNanos += System.nanoTime() - t0;
        }
    }

    /** {@return updates done so far} */
    public long numUpdates() {
        return numUpdates;
    }

    /** {@return nanoseconds spent inside the scheduler's calls so far (0 unless {@link #timed})} */
    public long schedulerNanos() {
        return schedulerNanos;
    }

    /** {@return the scheduler driven} */
    public LRScheduler scheduler() {
        return scheduler;
    }

    /**
     * The learning rates of a train.py run.
     *
     * @param numEpochs the number of epochs the factory chose
     * @param epochLrs every group's {@code lr} at the start of each epoch from {@code startEpoch}
     * @param updateLrs every group's {@code lr} before each update (only with {@code sched_on_updates};
     *     empty otherwise)
     */
    public record Trace(long numEpochs, List<double[]> epochLrs, List<double[]> updateLrs) {
    }

    /** Observes a drive. */
    public interface Listener {
        /**
         * Epoch {@code epoch} starts; {@code lrs} are the groups' rates in effect.
         *
         * @param epoch the epoch
         * @param lrs every group's learning rate (a new array the listener may keep)
         */
        void epochStart(long epoch, double[] lrs);

        /**
         * Update number {@code numUpdates + 1} is about to run in epoch {@code epoch} with {@code lrs}.
         * Called only when the scheduler runs in update mode.
         *
         * @param epoch the epoch
         * @param numUpdates updates done before this one
         * @param lrs every group's learning rate (a new array the listener may keep)
         */
        default void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
        }
    }

    /**
     * Creates the scheduler for {@code config} on {@code groups} and drives it as train.py does from
     * {@code startEpoch} to the end, with eval metric {@code metrics.get(e)} at the end of epoch
     * {@code e} (null, or a missing entry, passes no metric).
     *
     * @param config train.py's flags
     * @param groups the optimizer's groups
     * @param updatesPerEpoch optimizer updates per epoch, {@code >= 1}
     * @param metrics the eval metric of each epoch, or null for none
     * @param startEpoch the first epoch ({@code --resume}'s), {@code >= 0}
     * @return the learning rates of every epoch (and update)
     * @throws IllegalArgumentException when the configuration is refused by the factory, or
     *     {@code updatesPerEpoch < 1}, or {@code startEpoch < 0}, or the run would exceed
     *     {@link #MAX_UPDATES} calls
     */
    public static Trace run(SchedulerConfig config, ParamGroups groups, long updatesPerEpoch, List<Double> metrics,
            long startEpoch) {
        CreatedScheduler created = SchedulerFactory.create(config, groups,
                Checks.positive("updates_per_epoch", updatesPerEpoch));
        List<double[]> epochLrs = new ArrayList<>();
        List<double[]> updateLrs = new ArrayList<>();
        resume(created.scheduler(), config.schedOnUpdates(), startEpoch, updatesPerEpoch);
        drive(created.scheduler(), startEpoch, created.numEpochs(), updatesPerEpoch, metrics, new Listener() {
            @Override
            public void epochStart(long epoch, double[] lrs) {
                epochLrs.add(lrs);
            }

            @Override
            public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                updateLrs.add(lrs);
            }
        });
        return new Trace(created.numEpochs(), epochLrs, updateLrs);
    }

    /**
     * Drives {@code s} through epochs {@code startEpoch .. endEpoch - 1} as train.py does (without the
     * resume call: see {@link #resume}), reporting to {@code listener}.
     *
     * @param s the scheduler
     * @param startEpoch the first epoch, {@code >= 0}
     * @param endEpoch the epoch to stop before
     * @param updatesPerEpoch optimizer updates per epoch, {@code >= 1}
     * @param metrics the eval metric of each epoch, or null for none
     * @param listener what observes the drive
     * @throws IllegalArgumentException when {@code startEpoch < 0}, {@code updatesPerEpoch < 1}, or the
     *     drive would exceed {@link #MAX_UPDATES} calls
     */
    public static void drive(LRScheduler s, long startEpoch, long endEpoch, long updatesPerEpoch,
            List<Double> metrics, Listener listener) {
        Checks.nonNegative("start_epoch", startEpoch);
        Checks.positive("updates_per_epoch", updatesPerEpoch);
        long epochs = Math.max(0, endEpoch - startEpoch);
        if (epochs > MAX_UPDATES / updatesPerEpoch) {
            throw Checks.invalid("epochs * updates_per_epoch", "be <= " + MAX_UPDATES + " to drive",
                    epochs + " * " + updatesPerEpoch);
        }
        TrainLoop loop = of(s, updatesPerEpoch);
        ParamGroups groups = s.groups();
        boolean onUpdates = !s.tInEpochs();
        for (long epoch = startEpoch; epoch < endEpoch; epoch++) {
            listener.epochStart(epoch, groups.lrs());
            loop.beginEpoch(epoch);
            for (long u = 0; u < updatesPerEpoch; u++) {
                if (onUpdates) {
                    listener.beforeUpdate(epoch, loop.numUpdates(), groups.lrs());
                }
                loop.afterUpdate();
            }
            Double metric = metrics != null && epoch < metrics.size() ? metrics.get((int) epoch) : null;
            if (metric == null) {
                loop.endEpoch(epoch);
            } else {
                loop.endEpoch(epoch, metric);
            }
        }
    }

    /**
     * train.py's resume call: {@code step_update(startEpoch * updatesPerEpoch)} in update mode, else
     * {@code step(startEpoch)}; nothing when {@code startEpoch == 0}.
     *
     * <p>Resuming with lr4j: take {@link LRScheduler#state()} at the start of epoch {@code e} (after
     * {@code step(e, metric)}), and later build the scheduler again with the same configuration on fresh
     * groups and {@link LRScheduler#restore restore} the state; the run then continues from epoch
     * {@code e} exactly as the uninterrupted one, bit for bit, with no further call. This call may still
     * follow the restore and changes nothing (it writes what the last step wrote; for plateau it
     * re-applies the same noise and passes no metric). Without a saved state this call alone is what
     * train.py does: right for every schedule but plateau, whose best metric, bad-epoch and cooldown
     * counters start afresh.
     *
     * @param s the scheduler
     * @param schedOnUpdates train.py's {@code --sched-on-updates}
     * @param startEpoch the first epoch to train; 0 for a new run
     * @param updatesPerEpoch optimizer updates per epoch
     * @throws IllegalArgumentException when {@code startEpoch * updatesPerEpoch} is negative (overflow)
     */
    public static void resume(LRScheduler s, boolean schedOnUpdates, long startEpoch, long updatesPerEpoch) {
        if (startEpoch > 0) {
            if (schedOnUpdates) {
                s.stepUpdate(startEpoch * updatesPerEpoch);
            } else {
                s.step(startEpoch);
            }
        }
    }
}
