package org.lr4j.noise;

import org.lr4j.internal.Checks;

/**
 * timm's {@code noise_range_t}: where noise applies. None (never), a number {@code x} ({@code t >= x}),
 * or a pair {@code [a, b]} ({@code a <= t < b}). Bounds may be fractional: the factory makes them
 * {@code fraction * t_initial}. Immutable.
 */
public final class NoiseRange {
    private static final NoiseRange NONE = new NoiseRange(Double.NaN, Double.NaN, false, false);

    private final double start;
    private final double end;
    private final boolean active;
    private final boolean bounded;

    private NoiseRange(double start, double end, boolean active, boolean bounded) {
        this.start = start;
        this.end = end;
        this.active = active;
        this.bounded = bounded;
    }

    /** {@return no noise ({@code noise_range_t = None})} */
    public static NoiseRange none() {
        return NONE;
    }

    /**
     * Noise for every {@code t >= start} ({@code noise_range_t = start}).
     *
     * @param start the first epoch or update with noise
     * @return the range
     * @throws IllegalArgumentException when {@code start} is NaN or infinite
     */
    public static NoiseRange from(double start) {
        return new NoiseRange(Checks.finite("noise_range_t", start), Double.POSITIVE_INFINITY, true, false);
    }

    /**
     * Noise for {@code start <= t < end} ({@code noise_range_t = [start, end]}).
     *
     * @param start the first epoch or update with noise
     * @param end the first one without, again
     * @return the range
     * @throws IllegalArgumentException when a bound is NaN or infinite, or {@code start > end}
     */
    public static NoiseRange between(double start, double end) {
        Checks.finite("noise_range_t[0]", start);
        Checks.finite("noise_range_t[1]", end);
        if (start > end) {
            throw Checks.invalid("noise_range_t", "be [start, end] with start <= end", "[" + start + ", " + end + "]");
        }
        return new NoiseRange(start, end, true, true);
    }

    /**
     * Whether noise applies at {@code t}. The comparisons are exact, as Python compares an int with a
     * float (converting {@code t} to a double would round above 2^53).
     *
     * @param t the epoch or update count
     * @return whether noise applies at {@code t}
     */
    public boolean contains(long t) {
        if (!active) {
            return false;
        }
        return bounded ? atLeast(t, start) && !atLeast(t, end) : atLeast(t, start);
    }

    /** {@code t >= x}, exactly, for a finite or infinite {@code x}. */
    private static boolean atLeast(long t, double x) {
        if (x <= -0x1.0p63) {
            return true;
        }
        if (x >= 0x1.0p63) {
            return false;
        }
        return t >= (long) Math.ceil(x);
    }

    /** {@return whether this is {@link #none()}} */
    public boolean isNone() {
        return !active;
    }

    /** {@return whether this is a pair {@code [start, end]}} */
    public boolean isPair() {
        return bounded;
    }

    /** {@return the first {@code t} with noise (NaN for none)} */
    public double start() {
        return start;
    }

    /** {@return the end of the pair (exclusive); {@code +inf} for a number, NaN for none} */
    public double end() {
        return end;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseRange r && r.active == active && r.bounded == bounded
                && Double.compare(r.start, start) == 0 && Double.compare(r.end, end) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 + Double.hashCode(end) + (bounded ? 7 : 0);
    }

    @Override
    public String toString() {
        return !active ? "None" : bounded ? "[" + start + ", " + end + "]" : Double.toString(start);
    }
}
