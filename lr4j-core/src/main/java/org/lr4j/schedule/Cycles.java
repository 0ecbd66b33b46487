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
 * {@code 1 + cos(..)}, ...) and a per-group combination, so that the driver's {@link #bind(double[])}
 * evaluates the transcendental part once per step, whatever the number of groups, and remembers the
 * current cycle's {@code cycle_decay^i} and {@code cycle_mul^i} instead of recomputing the powers. Both
 * paths compute the same doubles as {@link #value(long, double)}, in the same order.
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

    private final Shape shape;
    private final long tInitial;
    private final double lrMin;
    private final double cycleMul;
    private final double cycleDecay;
    private final long cycleLimit;
    private final boolean timm04;
    private final double logCycleMul;
    private final double afterLastCycle;

    Cycles(Shape shape, long tInitial, double lrMin, double cycleMul, double cycleDecay, long cycleLimit,
            Profile profile) {
        this.shape = shape;
        this.tInitial = tInitial;
        this.lrMin = lrMin;
        this.cycleMul = cycleMul;
        this.cycleDecay = cycleDecay;
        this.cycleLimit = cycleLimit;
        this.timm04 = profile == Profile.TIMM_0_4;
        this.logCycleMul = Math.log(cycleMul);
        this.afterLastCycle = timm04 ? lrMin * Math.pow(cycleDecay, cycleLimit) : lrMin;
    }

    @Override
    public double value(long t, double base) {
        double i;
        double tI;
        double tCurr;
        if (cycleMul == 1.0) {
            long ci = t < tInitial ? 0 : t / tInitial; // skips the division in the first cycle
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

    private boolean inCycle(double i) {
        return timm04 ? cycleLimit == 0 || i < cycleLimit : i < cycleLimit;
    }

    /** {@code cycle_decay^i}; exactly 1 when either is trivial, as Python's {@code 1.0 ** i} and {@code x ** 0.0}. */
    private double gamma(double i) {
        return i == 0 || cycleDecay == 1.0 ? 1.0 : Math.pow(cycleDecay, i);
    }

    /**
     * The driver's evaluator for groups with the given base rates (the array is read at every step, so
     * later changes to it are seen): every group's value at {@code t}, equal to
     * {@code value(t, base[g])}. Keeps the current cycle in mutable fields: one thread at a time.
     */
    AbstractLRScheduler.GroupValues bind(double[] base) {
        return new Bound(base);
    }

    /** {@link #bind(double[])}: remembers the current cycle (index, start, powers). */
    private final class Bound implements AbstractLRScheduler.GroupValues {
        private final double[] base;
        /** cycle_mul == 1: the current cycle's index and first t ({@code -1}: none yet). */
        private long cycle = -1;
        private long cycleStart;
        /** The cycle index whose powers are remembered (NaN: none yet). */
        private double powersOf = Double.NaN;
        private double gammaI;
        private double mulI;

        Bound(double[] base) {
            this.base = base;
        }

        @Override
        public void values(long t, double[] out) {
            double i;
            double tI;
            double tCurr;
            if (cycleMul == 1.0) {
                long d = t - cycleStart;
                if (cycle < 0 || d < 0 || d >= tInitial) {
                    cycle = t / tInitial;
                    cycleStart = tInitial * cycle;
                    d = t - cycleStart;
                }
                i = cycle;
                tI = tInitial;
                tCurr = d;
                if (i != powersOf) {
                    remember(i);
                }
            } else {
                double arg = 1 - (double) t / tInitial * (1 - cycleMul);
                if (!(arg > 0)) {
                    fill(out, afterLastCycle);
                    return;
                }
                i = Math.floor(Math.log(arg) / logCycleMul);
                if (i != powersOf) {
                    remember(i);
                }
                tI = mulI * tInitial;
                tCurr = t - (1 - mulI) / (1 - cycleMul) * tInitial;
            }
            if (!inCycle(i)) {
                fill(out, afterLastCycle);
                return;
            }
            double gamma = gammaI;
            double min = timm04 ? lrMin * gamma : lrMin;
            double f = shape.factor(tCurr, tI);
            double[] b = base;
            for (int g = 0; g < b.length; g++) {
                out[g] = shape.value(f, b[g] * gamma, min);
            }
        }

        private void remember(double i) {
            powersOf = i;
            gammaI = gamma(i);
            mulI = cycleMul == 1.0 ? 1.0 : Math.pow(cycleMul, i);
        }

        private void fill(double[] out, double v) {
            for (int g = 0; g < base.length; g++) {
                out[g] = v;
            }
        }
    }

    /**
     * timm's {@code get_cycle_length(cycles)} without the warmup prefix: the length of the first
     * {@code max(1, cycles != 0 ? cycles : cycle_limit)} cycles.
     */
    long length(long cycles) {
        long c = Math.max(1, cycles != 0 ? cycles : cycleLimit);
        if (cycleMul == 1.0) {
            return tInitial * c;
        }
        return (long) Math.floor(-tInitial * (Math.pow(cycleMul, c) - 1) / (1 - cycleMul));
    }
}
