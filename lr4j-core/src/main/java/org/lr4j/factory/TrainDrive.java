package org.lr4j.factory;

import java.util.ArrayList;
import java.util.List;
import org.lr4j.driver.LRScheduler;
import org.lr4j.driver.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * How timm's train.py drives a scheduler, without the training: the learning rate in effect during
 * epoch {@code e} is what the groups hold when the epoch starts; after each optimizer update
 * ({@code num_updates} counting from 1) train.py calls {@code step_update(num_updates, loss)}; at the end
 * of epoch {@code e} it calls {@code step(e + 1, eval_metric)}. Resuming at {@code start_epoch > 0}
 * first calls {@code step_update(start_epoch * updates_per_epoch)} (update mode) or
 * {@code step(start_epoch)}.
 *
 * <p>A real training loop (lr4j-djl) makes the same calls around real updates; this class records the
 * learning rates they produce.
 */
public final class TrainDrive {
    private TrainDrive() {
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

    /**
     * Creates the scheduler for {@code config} on {@code groups} and drives it as train.py does from
     * {@code startEpoch} to the end, with eval metric {@code metrics.get(e)} at the end of epoch
     * {@code e} (null, or a missing entry, passes no metric).
     *
     * @throws IllegalArgumentException when the configuration is refused by the factory, or
     *     {@code updatesPerEpoch < 1}, or {@code startEpoch < 0}
     */
    public static Trace run(SchedulerConfig config, ParamGroups groups, long updatesPerEpoch, List<Double> metrics,
            long startEpoch) {
        Checks.positive("updates_per_epoch", updatesPerEpoch);
        Checks.nonNegative("start_epoch", startEpoch);
        CreatedScheduler created = SchedulerFactory.create(config, groups, updatesPerEpoch);
        LRScheduler s = created.scheduler();
        List<double[]> epochLrs = new ArrayList<>();
        List<double[]> updateLrs = new ArrayList<>();
        resume(s, config.schedOnUpdates(), startEpoch, updatesPerEpoch);
        for (long epoch = startEpoch; epoch < created.numEpochs(); epoch++) {
            epochLrs.add(groups.lrs());
            long numUpdates = epoch * updatesPerEpoch;
            for (long u = 0; u < updatesPerEpoch; u++) {
                if (config.schedOnUpdates()) {
                    updateLrs.add(groups.lrs());
                }
                s.stepUpdate(++numUpdates, null);
            }
            Double metric = metrics != null && epoch < metrics.size() ? metrics.get((int) epoch) : null;
            s.step(epoch + 1, metric);
        }
        return new Trace(created.numEpochs(), epochLrs, updateLrs);
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
     */
    public static void resume(LRScheduler s, boolean schedOnUpdates, long startEpoch, long updatesPerEpoch) {
        if (startEpoch > 0) {
            if (schedOnUpdates) {
                s.stepUpdate(startEpoch * updatesPerEpoch, null);
            } else {
                s.step(startEpoch, null);
            }
        }
    }
}
