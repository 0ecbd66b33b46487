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
 */
final class Cycles implements Schedule {
    /** The value inside a cycle. */
    interface Shape {
        /**
         * @param tCurr position inside the cycle
         * @param tI the cycle's length
         * @param lrMax the cycle's peak ({@code base * gamma})
         * @param lrMin the floor
         */
        double value(double tCurr, double tI, double lrMax, double lrMin);
    }

    private final Shape shape;
    private final long tInitial;
    private final double lrMin;
    private final double cycleMul;
    private final double cycleDecay;
    private final long cycleLimit;
    private final Profile profile;
    private final double logCycleMul;

    Cycles(Shape shape, long tInitial, double lrMin, double cycleMul, double cycleDecay, long cycleLimit,
            Profile profile) {
        this.shape = shape;
        this.tInitial = tInitial;
        this.lrMin = lrMin;
        this.cycleMul = cycleMul;
        this.cycleDecay = cycleDecay;
        this.cycleLimit = cycleLimit;
        this.profile = profile;
        this.logCycleMul = Math.log(cycleMul);
    }

    @Override
    public double value(long t, double base) {
        double i;
        double tI;
        double tCurr;
        if (cycleMul == 1.0) {
            long ci = t / tInitial;
            i = ci;
            tI = tInitial;
            tCurr = t - tInitial * ci;
        } else {
            double arg = 1 - (double) t / tInitial * (1 - cycleMul);
            if (!(arg > 0)) {
                return afterLastCycle();
            }
            i = Math.floor(Math.log(arg) / logCycleMul);
            double mulI = Math.pow(cycleMul, i);
            tI = mulI * tInitial;
            tCurr = t - (1 - mulI) / (1 - cycleMul) * tInitial;
        }
        boolean inCycle = profile == Profile.TIMM_0_4 ? cycleLimit == 0 || i < cycleLimit : i < cycleLimit;
        if (!inCycle) {
            return afterLastCycle();
        }
        double gamma = Math.pow(cycleDecay, i);
        double min = profile == Profile.TIMM_0_4 ? lrMin * gamma : lrMin;
        return shape.value(tCurr, tI, base * gamma, min);
    }

    private double afterLastCycle() {
        return profile == Profile.TIMM_0_4 ? lrMin * Math.pow(cycleDecay, cycleLimit) : lrMin;
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
