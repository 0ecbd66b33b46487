package org.lr4j.internal;

/**
 * The speed-ups of lr4j's formulas, in one place: each function here computes a textbook function
 * faster than {@link StrictMath}, within a stated error that the tests assert, and the same on every JVM.
 * The schedules' classes call these where their formula names the function.
 */
public final class FastMath {
    private FastMath() {
    }

    /**
     * {@code 1 - tanh(x)}, computed as {@code 2 / (1 + exp(2x))} (the same function:
     * {@code tanh(x) = (e^2x - 1) / (e^2x + 1)}) with the exponential below, rather than through the
     * native {@code StrictMath.tanh}, a JNI call in Java 17: several times faster (see
     * {@code BENCHMARKS.md}), and more accurate where {@code tanh(x)} is close to 1 (no cancellation). It
     * differs from {@code 1 - StrictMath.tanh(x)} by at most one unit in the last place of 2,
     * {@code 4.4e-16} (asserted by the tests over {@code [-40, 40]}), far inside the reference comparison
     * rule ({@code 1e-12} of the scale).
     *
     * <p>Example (asserted by the tests): {@code oneMinusTanh(0) = 1.0},
     * {@code oneMinusTanh(-7) = 1.9999983369439445} ({@code 1 - StrictMath.tanh(-7) = 1.9999983369439447}).
     */
    public static double oneMinusTanh(double x) {
        return 2.0 / (1.0 + exp(2.0 * x));
    }

    /** {@code 2^(j/64)} for {@code j = 0..63}. */
    private static final double[] EXP2_J64 = new double[64];
    private static final double SIXTY_FOUR_OVER_LN2 = 64 / 0.6931471805599453;
    /** {@code ln 2 / 64} in two parts; the high part has 32 significant bits, so {@code k * hi} is exact. */
    private static final double LN2_64_HI = 0x1.62e42feep-1 / 64;
    private static final double LN2_64_LO = 0x1.a39ef35793c76p-33 / 64;

    static {
        for (int j = 0; j < 64; j++) {
            EXP2_J64[j] = StrictMath.pow(2.0, j / 64.0);
        }
    }

    /**
     * {@code e^y}, within 2 units in the last place of {@code StrictMath.exp} (asserted by the tests), in
     * pure Java arithmetic: {@code y = k ln2 / 64 + r} with {@code |r| <= ln2 / 128},
     * {@code e^y = 2^(k div 64) * 2^((k mod 64) / 64) * e^r}, the middle factor from a table, {@code e^r}
     * by its Taylor polynomial to {@code r^5} (the next term is below {@code 4e-17}). Only {@code +},
     * {@code -}, {@code *}, {@code rint} and a table computed once with {@code StrictMath.pow}: the same
     * result on every JVM. Outside {@code |y| <= 700} (overflow, underflow, NaN) it is {@code StrictMath.exp}.
     */
    public static double exp(double y) {
        if (!(Math.abs(y) <= 700)) {
            return StrictMath.exp(y);
        }
        double kd = Math.rint(y * SIXTY_FOUR_OVER_LN2);
        int k = (int) kd;
        double r = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
        // e^r - 1 = r + r^2/2 + r^3/6 + r^4/24 + r^5/120, grouped (Estrin) for a short dependency chain
        double r2 = r * r;
        double p = (r + r2 * (0.5 + r * (1.0 / 6))) + (r2 * r2) * (1.0 / 24 + r * (1.0 / 120));
        double t = EXP2_J64[k & 63];
        double twoToTheK = Double.longBitsToDouble((long) ((k >> 6) + 1023) << 52);
        return (t + t * p) * twoToTheK;
    }

}
