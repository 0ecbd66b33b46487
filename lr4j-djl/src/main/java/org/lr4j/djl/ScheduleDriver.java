package org.lr4j.djl;

import org.lr4j.driver.LRScheduler;
import org.lr4j.factory.TrainDrive;

/**
 * The calls timm's train.py makes on a scheduler around a real training loop, in the loop's own order:
 * {@link #resume(long)} once (train.py's {@code step(start_epoch)} or
 * {@code step_update(start_epoch * updates_per_epoch)}, through {@link TrainDrive#resume}); at the start
 * of epoch {@code e}, {@link #beginEpoch(long)} ({@code num_updates = e * updates_per_epoch}); after each
 * optimizer update, {@link #afterUpdate(Double)} ({@code step_update(++num_updates, loss_avg)}); at the end
 * of epoch {@code e}, {@link #endEpoch(long, Double)} ({@code step(e + 1, eval_metric)}). The learning
 * rate an update uses is therefore what the groups hold before its {@code afterUpdate}.
 *
 * <p>It also adds up the time spent in the scheduler's calls ({@link #schedulerNanos()}), to report the
 * scheduler's share of a training step.
 */
public final class ScheduleDriver {
    private final LRScheduler scheduler;
    private final boolean schedOnUpdates;
    private final long updatesPerEpoch;
    private long numUpdates;
    private long schedulerNanos;

    /**
     * A driver of {@code scheduler}.
     *
     * @param schedOnUpdates train.py's {@code --sched-on-updates} (the scheduler's mode)
     * @param updatesPerEpoch optimizer updates per epoch
     * @throws IllegalArgumentException when {@code updatesPerEpoch < 1}
     */
    public ScheduleDriver(LRScheduler scheduler, boolean schedOnUpdates, long updatesPerEpoch) {
        if (updatesPerEpoch < 1) {
            throw new IllegalArgumentException("updates_per_epoch must be >= 1, got " + updatesPerEpoch);
        }
        this.scheduler = scheduler;
        this.schedOnUpdates = schedOnUpdates;
        this.updatesPerEpoch = updatesPerEpoch;
    }

    /**
     * train.py's resume call at {@code startEpoch} (nothing when 0).
     *
     * @throws IllegalArgumentException when {@code startEpoch < 0}
     */
    public void resume(long startEpoch) {
        if (startEpoch < 0) {
            throw new IllegalArgumentException("start_epoch must be >= 0, got " + startEpoch);
        }
        long t0 = System.nanoTime();
        TrainDrive.resume(scheduler, schedOnUpdates, startEpoch, updatesPerEpoch);
        schedulerNanos += System.nanoTime() - t0;
        numUpdates = startEpoch * updatesPerEpoch;
    }

    /** Start of epoch {@code epoch}: {@code num_updates = epoch * updates_per_epoch}. */
    public void beginEpoch(long epoch) {
        numUpdates = epoch * updatesPerEpoch;
    }

    /**
     * After an optimizer update: {@code step_update(++num_updates, lossAvg)}.
     *
     * @return the new update count
     */
    public long afterUpdate(Double lossAvg) {
        long t0 = System.nanoTime();
        scheduler.stepUpdate(++numUpdates, lossAvg);
        schedulerNanos += System.nanoTime() - t0;
        return numUpdates;
    }

    /** End of epoch {@code epoch}: {@code step(epoch + 1, metric)}. */
    public void endEpoch(long epoch, Double metric) {
        long t0 = System.nanoTime();
        scheduler.step(epoch + 1, metric);
        schedulerNanos += System.nanoTime() - t0;
    }

    /** Updates done so far. */
    public long numUpdates() {
        return numUpdates;
    }

    /** Nanoseconds spent inside the scheduler's calls so far. */
    public long schedulerNanos() {
        return schedulerNanos;
    }

    /** The scheduler driven. */
    public LRScheduler scheduler() {
        return scheduler;
    }
}
