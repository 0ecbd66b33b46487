package org.lr4j.djl;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.function.ToDoubleFunction;
import org.lr4j.factory.TrainLoop;
import java.util.Objects;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.LRScheduler;

/**
 * Drives an lr4j scheduler from DJL's {@code EasyTrain.fit} (or any loop that notifies DJL's training
 * listeners) with timm's train.py order of calls: {@code step_update(num_updates)} after each optimizer
 * update, {@code step(epoch + 1, eval_metric)} after each epoch, and train.py's resume call first. It
 * makes these calls through lr4j's one {@link TrainLoop}.
 *
 * <p>The call-order caveat: DJL calls {@code onTrainingBatch} after a batch's forward and backward pass
 * but <em>before</em> {@code trainer.step()} applies its update, while train.py calls
 * {@code step_update} <em>after</em> the update. Stepping the scheduler in {@code onTrainingBatch} would
 * therefore give each update the rate meant for the next one. This listener defers each
 * {@code step_update} to the next notification: the {@code onTrainingBatch} of the next batch (before
 * that batch's update, after the previous one, exactly where train.py makes it) or the epoch's
 * {@code onEpoch} (after the last update and the validation, before {@code step(epoch + 1)}). Every
 * update thus uses the rate train.py would use. What the deferral changes is only what a reader sees
 * between an update and the next notification: another listener that reads the groups' rates in
 * {@code onTrainingBatch} sees the rate of the update about to run, not of the one just run. Each epoch
 * must have {@code updatesPerEpoch} batches (train.py's {@code len(loader)}), as
 * {@code num_updates = epoch * updates_per_epoch} at each epoch start.
 *
 * <p>Example (asserted by {@code SchedulerTrainingListenerTest}): a tanh schedule of 3 epochs with
 * {@code sched_on_updates} and 4 batches per epoch, trained with {@code EasyTrain.fit}, gives the
 * optimizer the same 12 rates as {@code TrainLoop.run} records for train.py.
 *
 * <pre>{@code
 * DefaultTrainingConfig cfg = new DefaultTrainingConfig(loss)
 *         .optOptimizer(Optimizers.create("sgd", groups, groups.tracker(), 0.9, 0))
 *         .addTrainingListeners(SchedulerTrainingListener.of(created.scheduler(), batchesPerEpoch));
 * }</pre>
 */
public final class SchedulerTrainingListener extends TrainingListenerAdapter {
    private final TrainLoop loop;
    private final ToDoubleFunction<Trainer> metric;
    private final long startEpoch;
    private long epoch;
    private boolean updatePending;

    private SchedulerTrainingListener(LRScheduler scheduler, long updatesPerEpoch, ToDoubleFunction<Trainer> metric,
            long startEpoch) {
        this.loop = TrainLoop.of(scheduler, updatesPerEpoch);
        this.metric = metric;
        if (startEpoch < 0) {
            throw new InvalidValueException("start_epoch", "must be >= 0", String.valueOf(startEpoch));
        }
        this.startEpoch = startEpoch;
        this.epoch = startEpoch;
    }

    /**
     * A listener that steps {@code scheduler} without an eval metric.
     *
     * @param updatesPerEpoch the batches (optimizer updates) of each epoch
     * @param scheduler the scheduler, in epoch or update mode
     * @return a listener for a fresh run (from epoch 0)
     * @throws IllegalArgumentException when {@code updatesPerEpoch < 1}
     * @throws NullPointerException when {@code scheduler} is null
     */
    public static SchedulerTrainingListener of(LRScheduler scheduler, long updatesPerEpoch) {
        return new SchedulerTrainingListener(scheduler, updatesPerEpoch, null, 0);
    }

    /**
     * A listener that passes {@code metric.applyAsDouble(trainer)} at each epoch end (plateau decides on
     * it; e.g. {@code t -> t.getTrainingResult().getValidateEvaluation("Accuracy")}), resuming at
     * {@code startEpoch} (train.py's {@code --resume}; 0 for a fresh run).
     *
     * @param scheduler the scheduler, in epoch or update mode
     * @param updatesPerEpoch the batches (optimizer updates) of each epoch
     * @param metric the eval metric of the epoch just trained, read from the trainer
     * @param startEpoch the first epoch, {@code >= 0}
     * @return a listener
     * @throws IllegalArgumentException when {@code updatesPerEpoch < 1} or {@code startEpoch < 0}
     * @throws NullPointerException when {@code scheduler} or {@code metric} is null
     */
    public static SchedulerTrainingListener of(LRScheduler scheduler, long updatesPerEpoch,
            ToDoubleFunction<Trainer> metric, long startEpoch) {
        return new SchedulerTrainingListener(scheduler, updatesPerEpoch, Objects.requireNonNull(metric, "metric"), startEpoch);
    }

    /** train.py's resume call (nothing at epoch 0); DJL notifies this when the trainer is made. */
    @Override
    public void onTrainingBegin(Trainer trainer) {
        loop.resume(startEpoch);
        loop.beginEpoch(epoch);
    }

    /** Makes the previous update's {@code step_update}, deferred to here (see the class comment). */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        flush();
        updatePending = true;
    }

    /** The epoch's last {@code step_update}, then {@code step(epoch + 1, metric)}. */
    @Override
    public void onEpoch(Trainer trainer) {
        flush();
        if (metric == null) {
            loop.endEpoch(epoch);
        } else {
            loop.endEpoch(epoch, metric.applyAsDouble(trainer));
        }
        epoch++;
        loop.beginEpoch(epoch);
    }

    private void flush() {
        if (updatePending) {
            loop.afterUpdate();
            updatePending = false;
        }
    }

    /** {@return the updates stepped so far ({@code num_updates})} */
    public long numUpdates() {
        return loop.numUpdates();
    }
}
