package org.lr4j.train;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished run.
 *
 * @param runDir the run folder
 * @param rows every summary row of the run folder, in epoch order
 * @param bestEpoch the epoch of the best eval metric, or -1 when no epoch ran
 * @param bestMetric the best eval metric, or NaN
 * @param numUpdates optimizer updates done, in all
 * @param trainNanos time spent in this process's training updates (forward, backward, optimizer step
 *     and scheduler)
 * @param schedulerNanos time spent inside the scheduler's calls ({@code step_update}, {@code step})
 */
public record TrainResult(Path runDir, List<SummaryRow> rows, long bestEpoch, double bestMetric, long numUpdates,
        long trainNanos, long schedulerNanos) {
    /** Copies the rows. */
    public TrainResult {
        rows = List.copyOf(rows);
    }
}
