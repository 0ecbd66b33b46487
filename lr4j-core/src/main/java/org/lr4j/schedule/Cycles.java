package org.lr4j.schedule;

/**
 * The cycle arithmetic shared by tanh, cosine and poly (SGDR-style restarts): cycle {@code i}, its
 * length {@code t_i} and the position {@code t_curr} inside it, then a per-cycle {@link Shape}.
 *
 * <ul>
 *   <li>{@code cycle_mul == 1}: {@code i = t div t_initial}, {@code t_i = t_initial},
 *       {@code t_curr = t - t_initial * i};</li>
 *   <li>else {@code i = floor(ln(1 - t / t_initial * (1 - cycle_mul)) / ln(cycle_mul))},
 *       {@code t_i = cycle_mul^i * t_initial},
 *       {@code t_curr = t - (1 - cycle_mul^i) / (1 - cycle_mul) * t_initial}.</li>
 * </ul>
 * Inside cycle {@code i < cycle_limit} the value is the shape with {@code lr_max = base * cycle_decay^i};
 * after the last cycle it is {@code lr_min}. With {@code cycle_mul < 1} the cycles' total length is
 * finite ({@code t_initial / (1 - cycle_mul)}); from there on timm raises a math domain error, and
 * lr4j returns the after-the-last-cycle value.
 *
 * <p>In the {@link Profile#TIMM_0_4} profile {@code cycle_limit = 0} means unlimited cycles,
 * {@code lr_min} is scaled by {@code cycle_decay^i} inside cycle {@code i}, and the value after the
 * last cycle is {@code lr_min * cycle_decay^cycle_limit}. Immutable.
 *
 * <p>A {@link Shape} splits the value into a factor shared by every group ({@code 1 - tanh(..)},
 * {@code 1 + cos(..)}, ...) and a per-group combination, so that {@link FastPaths} evaluates the
 * transcendental part once per step, whatever the number of groups, and remembers the current cycle's
 * {@code cycle_decay^i} and {@code cycle_mul^i} instead of recomputing the powers. Both paths compute
 * the same doubles as {@link #value(long, double)}, in the same order.
 */
final class Cycles implements Schedule {
    /** The value inside a cycle, as a factor shared by all groups and a per-group combination. */
    interface Shape {
        /**
         * The part of the value that does not depend on the group (e.g. {@code 1 - tanh(..)}).
         *
         * @param tCurr position inside the cycle
         * @param tI the cycle's length
         */
        double factor(double tCurr, double tI);

        /**
         * The value from the shared factor.
         *
         * @param factor {@link #factor(double, double)}
         * @param lrMax the cycle's peak ({@code base * gamma})
         * @param lrMin the floor
         */
        double value(double factor, double lrMax, double lrMin);
    }

    final Shape shape;
    final long tInitial;
    final double inverseTInitial;
    final double lrMin;
    final double cycleMul;
    final double cycleDecay;
    final long cycleLimit;
    final boolean timm04;
    final double logCycleMul;
    final double afterLastCycle;
    /**
     * With {@code cycle_mul == 1} and cycle 0 inside {@code cycle_limit}: {@code t_initial}, the end of the
     * first cycle, where gamma is 1, {@code t_curr = t} and {@code t_i = t_initial}; else 0 (no shortcut).
     */
    private final long firstCycleEnd;

    Cycles(Shape shape, long tInitial, double lrMin, double cycleMul, double cycleDecay, long cycleLimit,
            Profile profile) {
        this.shape = shape;
        this.tInitial = tInitial;
        this.inverseTInitial = 1.0 / tInitial;
        this.lrMin = lrMin;
        this.cycleMul = cycleMul;
        this.cycleDecay = cycleDecay;
        this.cycleLimit = cycleLimit;
        this.timm04 = profile == Profile.TIMM_0_4;
        this.logCycleMul = Math.log(cycleMul);
        this.afterLastCycle = timm04 ? lrMin * Math.pow(cycleDecay, cycleLimit) : lrMin;
        this.firstCycleEnd = cycleMul == 1.0 && inCycle(0) ? tInitial : 0;
    }

    @Override
    public double value(long t, double base) {
        if (t < firstCycleEnd) {
            // the first cycle (with cycle_limit = 1, the only one): what the general path computes with
            // i = 0, gamma = 1, t_curr = t, t_i = t_initial
            return shape.value(shape.factor(t, tInitial), base, lrMin);
        }
        double i;
        double tI;
        double tCurr;
        if (cycleMul == 1.0) {
            long ci = FastPaths.quotient(t, tInitial, inverseTInitial);
            i = ci;
            tI = tInitial;
            tCurr = t - tInitial * ci;
        } else {
            double arg = 1 - (double) t / tInitial * (1 - cycleMul);
            if (!(arg > 0)) {
                return afterLastCycle;
            }
            i = Math.floor(Math.log(arg) / logCycleMul);
            double mulI = Math.pow(cycleMul, i);
            tI = mulI * tInitial;
            tCurr = t - (1 - mulI) / (1 - cycleMul) * tInitial;
        }
        if (!inCycle(i)) {
            return afterLastCycle;
        }
        double gamma = gamma(i);
        double min = timm04 ? lrMin * gamma : lrMin;
        return shape.value(shape.factor(tCurr, tI), base * gamma, min);
    }

    boolean inCycle(double i) {
        return timm04 ? cycleLimit == 0 || i < cycleLimit : i < cycleLimit;
    }

    /** {@code cycle_decay^i}; exactly 1 when either is trivial, as Python's {@code 1.0 ** i} and {@code x ** 0.0}. */
    double gamma(double i) {
        return i == 0 || cycleDecay == 1.0 ? 1.0 : Math.pow(cycleDecay, i);
    }

    /**
     * timm's {@code get_cycle_length(cycles)} without the warmup prefix: the length of the first
     * {@code max(1, cycles != 0 ? cycles : cycle_limit)} cycles.
     *
     * @throws ArithmeticException when the length does not fit in a {@code long}
     */
    long length(long cycles) {
        long c = Math.max(1, cycles != 0 ? cycles : cycleLimit);
        if (cycleMul == 1.0) {
            return Math.multiplyExact(tInitial, c);
        }
        double length = Math.floor(-tInitial * (Math.pow(cycleMul, c) - 1) / (1 - cycleMul));
        if (!(length < 0x1.0p63)) {
            throw new ArithmeticException("long overflow");
        }
        return (long) length;
    }
}
