package org.lr4j.schedule;

/**
 * The speed-ups of stepping, in one place: each evaluator here computes, for every group at once, the
 * same doubles as the schedule's {@link Schedule#value(long, double)} for each group, with the work that
 * does not depend on the group (the cycle, the transcendental factor, the warmup increment) done once
 * per step, and the current cycle remembered between steps. The schedules' classes read as their
 * formulas; {@code FastPathTest} asserts that both paths agree bit for bit.
 */
final class FastPaths {
    private FastPaths() {
    }

    /**
     * Every group's value at {@code t} at once, the same doubles as {@code schedule.value(t, base[g])}:
     * what a time-driven scheduler evaluates at each step. An implementation may keep state between
     * calls (the current cycle): one thread at a time.
     */
    interface GroupValues {
        /** Writes every group's value at {@code t} into {@code out}. */
        void values(long t, double[] out);
    }

    /**
     * The fastest evaluator of {@code schedule} for groups with base rates {@code base} (the array is
     * read at every step, so later changes to it are seen).
     */
    static GroupValues bind(Schedule schedule, double[] base) {
        if (schedule instanceof Cycles c) {
            return new CycleValues(c, base);
        }
        if (schedule instanceof Warmup w) {
            return warmup(w, base);
        }
        return (t, out) -> {
            for (int g = 0; g < base.length; g++) {
                out[g] = schedule.value(t, base[g]);
            }
        };
    }

    /** Below this, {@code t * (1 / d)} is within one of {@code t / d}. */
    private static final long EXACT_RECIPROCAL_LIMIT = 1L << 52;

    /**
     * {@code t div d} ({@code t >= 0}, {@code d > 0}, {@code inverse = 1.0 / d}) without the 64-bit
     * division (tens of cycles) below {@code 2^52}: the quotient by the reciprocal is off by at most one,
     * and the remainder says which way.
     */
    static long quotient(long t, long d, double inverse) {
        if (t < d) {
            return 0;
        }
        if (t >= EXACT_RECIPROCAL_LIMIT) {
            return t / d;
        }
        long q = (long) (t * inverse);
        long r = t - q * d;
        if (r < 0) {
            return q - 1;
        }
        return r >= d ? q + 1 : q;
    }

    /**
     * A warmup's evaluator for groups with the given base rates: equal to {@code value(t, base[g])},
     * with every group's warmup step computed once here rather than at every call (for tanh that step
     * evaluates the schedule at {@code warmup_t}). The steps are fixed: bind again when the bases change.
     */
    static GroupValues warmup(Warmup w, double[] base) {
        double[] steps = new double[base.length];
        for (int g = 0; g < base.length; g++) {
            steps[g] = w.step(base[g]);
        }
        GroupValues after = bind(w.inner, base);
        long wt = w.warmupT;
        double init = w.warmupLrInit;
        boolean shift = w.prefix;
        return (t, out) -> {
            if (t < wt) {
                for (int g = 0; g < steps.length; g++) {
                    out[g] = init + t * steps[g];
                }
            } else {
                after.values(shift ? t - wt : t, out);
            }
        };
    }

    /**
     * The evaluator of the cycles: remembers the cycle of the last step (its bounds, length, peak and
     * floor) and recomputes them, with the same expressions as {@link Cycles#value(long, double)}, only
     * when a step falls in another cycle. Keeps the current cycle in mutable fields: one thread at a time.
     */
    private static final class CycleValues implements GroupValues {
        private final Cycles c;
        private final double[] base;
        /** cycle_mul == 1: the remembered cycle is [start, end); empty until the first step. */
        private long start = 1;
        private long end;
        /** cycle_mul != 1: the remembered cycle's index (NaN: none) and its first t, as a double. */
        private double index = Double.NaN;
        private double startD;
        private boolean inCycle;
        private double tI;
        private double gamma;
        private double min;

        CycleValues(Cycles c, double[] base) {
            this.c = c;
            this.base = base;
        }

        @Override
        public void values(long t, double[] out) {
            double tCurr;
            if (c.cycleMul == 1.0) {
                if (t < start || t >= end) {
                    enterArithmetic(t);
                }
                tCurr = t - start;
            } else {
                tCurr = geometricPosition(t);
            }
            double[] b = base;
            if (!inCycle) {
                for (int g = 0; g < b.length; g++) {
                    out[g] = c.afterLastCycle;
                }
                return;
            }
            double f = c.shape.factor(tCurr, tI);
            for (int g = 0; g < b.length; g++) {
                out[g] = c.shape.value(f, b[g] * gamma, min);
            }
        }

        private void enterArithmetic(long t) {
            long ci = quotient(t, c.tInitial, c.inverseTInitial);
            start = c.tInitial * ci;
            end = start > Long.MAX_VALUE - c.tInitial ? Long.MAX_VALUE : start + c.tInitial;
            tI = c.tInitial;
            remember(ci);
        }

        /** t_curr inside the geometric cycle of {@code t} (entering it if needed); 0 after every cycle. */
        private double geometricPosition(long t) {
            double arg = 1 - (double) t / c.tInitial * (1 - c.cycleMul);
            if (!(arg > 0)) {
                index = Double.NaN;
                inCycle = false;
                return 0;
            }
            double i = Math.floor(Math.log(arg) / c.logCycleMul);
            if (i != index) {
                index = i;
                double mulI = Math.pow(c.cycleMul, i);
                tI = mulI * c.tInitial;
                startD = (1 - mulI) / (1 - c.cycleMul) * c.tInitial;
                remember(i);
            }
            return t - startD;
        }

        private void remember(double i) {
            inCycle = c.inCycle(i);
            gamma = c.gamma(i);
            min = c.timm04 ? c.lrMin * gamma : c.lrMin;
        }
    }
}
