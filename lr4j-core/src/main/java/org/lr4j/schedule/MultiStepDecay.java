package org.lr4j.schedule;

/**
 * {@code base * decay_rate^k}, {@code k} the number of milestones {@code m <= t + 1}: timm's
 * {@code bisect_right(decay_t, t + 1)}, which decays one step before each milestone. Immutable.
 */
final class MultiStepDecay implements Schedule {
    private final double[] milestones;
    private final double decayRate;

    MultiStepDecay(double[] milestones, double decayRate) {
        this.milestones = milestones.clone();
        this.decayRate = decayRate;
    }

    @Override
    public double value(long t, double base) {
        double x = (double) t + 1;
        int lo = 0;
        int hi = milestones.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < milestones[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return base * Math.pow(decayRate, lo);
    }
}
