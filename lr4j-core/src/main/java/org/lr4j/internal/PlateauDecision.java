package org.lr4j.internal;

import org.lr4j.group.ParamGroups;

/**
 * The plateau decision shared by timm's {@code PlateauLRScheduler} and PyTorch's
 * {@code ReduceLROnPlateau} (timm wraps PyTorch's): for {@code best} the best metric so far,
 * <pre>
 *   min, rel: a &lt; best * (1 - threshold)      min, abs: a &lt; best - threshold
 *   max, rel: a &gt; best * (threshold + 1)      max, abs: a &gt; best + threshold
 * </pre>
 * a better metric becomes {@code best} and clears the bad count, else the count grows; a running
 * cooldown counts down and clears it; past {@code patience} bad steps every group becomes
 * {@code max(lr * factor, min_lr)} where that lowers it by more than {@code eps}, and the cooldown
 * starts. NaN is never better. Mutable (the three counters); one thread at a time.
 */
public final class PlateauDecision {
    private final boolean minimise;
    private final boolean relative;
    private final double threshold;
    private final long patience;
    private final long cooldown;
    private final double factor;
    private final double eps;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;

    /**
     * A decision with no metric seen: {@code best} is the worst value of the mode.
     *
     * @param minimise {@code mode == 'min'}
     * @param relative {@code threshold_mode == 'rel'}
     * @param threshold {@code threshold}
     * @param patience {@code patience}: bad steps allowed before the rate drops
     * @param cooldown {@code cooldown}: steps after a drop during which bad steps are not counted
     * @param factor {@code factor}: the multiplier of a drop
     * @param eps {@code eps}: the smallest change of a rate that is applied
     */
    public PlateauDecision(boolean minimise, boolean relative, double threshold, long patience, long cooldown,
            double factor, double eps) {
        this.minimise = minimise;
        this.relative = relative;
        this.threshold = threshold;
        this.patience = patience;
        this.cooldown = cooldown;
        this.factor = factor;
        this.eps = eps;
        this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private boolean isBetter(double a) {
        if (minimise) {
            return relative ? a < best * (1.0 - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1.0) : a > best + threshold;
    }

    /**
     * Decides on {@code metric} and, when the patience has run out, lowers the groups' rates toward
     * {@code minLrs[g]}.
     *
     * @param metric the metric of this step
     * @param groups the groups whose rates drop
     * @param minLrs every group's {@code min_lr}
     */
    public void step(double metric, ParamGroups groups, double[] minLrs) {
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            for (int g = 0; g < groups.size(); g++) {
                double old = groups.lr(g);
                double next = Math.max(old * factor, minLrs[g]);
                if (old - next > eps) {
                    groups.setLr(g, next);
                }
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
    }

    /** {@return the best metric so far} */
    public double best() {
        return best;
    }

    /** {@return the bad steps counted since the last better one} */
    public long numBadEpochs() {
        return numBadEpochs;
    }

    /** {@return the cooldown steps left} */
    public long cooldownCounter() {
        return cooldownCounter;
    }

    /**
     * Sets the three counters (a restore; the caller has checked them).
     *
     * @param best {@code best}
     * @param numBadEpochs {@code num_bad_epochs}
     * @param cooldownCounter {@code cooldown_counter}
     */
    public void restore(double best, long numBadEpochs, long cooldownCounter) {
        this.best = best;
        this.numBadEpochs = numBadEpochs;
        this.cooldownCounter = cooldownCounter;
    }
}
