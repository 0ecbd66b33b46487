package org.lr4j.state;

import org.lr4j.internal.Checks;
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
            throw Checks.invalid("state.plateau.best", "be a number or an infinity", "NaN");
        }
        if (numBadEpochs < 0) {
            throw Checks.invalid("state.plateau.num_bad_epochs", "be >= 0", numBadEpochs);
        }
        if (cooldownCounter < 0) {
            throw Checks.invalid("state.plateau.cooldown_counter", "be >= 0", cooldownCounter);
        }
        if (restoreLrs != null) {
            restoreLrs = SchedulerState.finiteList("state.plateau.restore_lrs", restoreLrs);
        }
    }
}
