package org.lr4j.state;

import java.util.List;

/**
 * The reduce-on-plateau rule's state: everything {@code PlateauLRScheduler} decides with, so that a
 * restored scheduler continues exactly as an uninterrupted one.
 *
 * @param best the best metric so far ({@code +inf} in mode min, {@code -inf} in mode max before any)
 * @param numBadEpochs epochs since the last improvement
 * @param cooldownCounter epochs of cooldown left
 * @param restoreLrs the groups' learning rates before the last noise, or null when the last step
 *     added none
 */
public record PlateauState(double best, long numBadEpochs, long cooldownCounter, List<Double> restoreLrs) {
    /**
     * Validates and copies.
     *
     * @param best the best metric so far
     * @param numBadEpochs epochs since the last improvement, {@code >= 0}
     * @param cooldownCounter epochs of cooldown left, {@code >= 0}
     * @param restoreLrs the learning rates before the last noise, or null; copied
     * @throws IllegalArgumentException when a counter is negative, {@code best} is NaN, or a
     *     restore value is negative or not finite
     */
    public PlateauState {
        if (Double.isNaN(best)) {
            throw new IllegalArgumentException("state.plateau.best must be a number or an infinity, got NaN");
        }
        if (numBadEpochs < 0) {
            throw new IllegalArgumentException("state.plateau.num_bad_epochs must be >= 0, got " + numBadEpochs);
        }
        if (cooldownCounter < 0) {
            throw new IllegalArgumentException("state.plateau.cooldown_counter must be >= 0, got " + cooldownCounter);
        }
        if (restoreLrs != null) {
            restoreLrs = SchedulerState.finiteList("state.plateau.restore_lrs", restoreLrs);
        }
    }
}
