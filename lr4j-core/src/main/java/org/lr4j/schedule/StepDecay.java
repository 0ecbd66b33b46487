package org.lr4j.schedule;

/**
 * {@code base * decay_rate^floor(t / decay_t)} with Python's float floor division. Immutable.
 */
final class StepDecay implements Schedule {
    private final double decayT;
    private final double decayRate;

    StepDecay(double decayT, double decayRate) {
        this.decayT = decayT;
        this.decayRate = decayRate;
    }

    @Override
    public double value(long t, double base) {
        return base * Math.pow(decayRate, PyMath.floorDiv(t, decayT));
    }
}
