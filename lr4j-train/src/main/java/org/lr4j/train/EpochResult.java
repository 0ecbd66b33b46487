package org.lr4j.train;

/**
 * What the trainer reports at the end of an epoch.
 *
 * @param row the summary row written for it
 * @param numEpochs the run's number of epochs (the factory's)
 * @param numUpdates optimizer updates done so far
 * @param seconds the epoch's wall time (training, evaluation and checkpoint)
 * @param best whether its eval metric is the best so far ({@code best} checkpoint written)
 */
public record EpochResult(SummaryRow row, long numEpochs, long numUpdates, double seconds, boolean best) {
}
