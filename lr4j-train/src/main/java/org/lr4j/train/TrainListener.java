package org.lr4j.train;

/**
 * Progress of a training run, for a progress bar and one line per epoch. Every method has an empty
 * default; they are called on the training thread, and an exception thrown from one stops the run (the
 * last checkpoint stays usable).
 */
public interface TrainListener {
    /** Before the first epoch. */
    default void onStart(RunInfo info) {
    }

    /**
     * Before the first update of each epoch.
     *
     * @param epoch the epoch
     */
    default void onEpochStart(long epoch) {
    }

    /**
     * After each optimizer update.
     *
     * @param epoch the epoch
     * @param batch the update's index in the epoch, from 1
     * @param batches updates per epoch
     * @param lossAvg the mean training loss of the epoch so far
     * @param lr the mean learning rate over groups now (for the next update)
     */
    default void onBatch(long epoch, long batch, long batches, double lossAvg, double lr) {
    }

    /** After each epoch's summary row and checkpoint are written. */
    default void onEpoch(EpochResult result) {
    }
}
