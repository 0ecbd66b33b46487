package org.lr4j.schedule;

import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;

/**
 * A scheduler with SGDR-style cycles (tanh, cosine, poly): {@code t_initial}, {@code lr_min},
 * {@code cycle_mul}, {@code cycle_decay}, {@code cycle_limit}; see {@link Cycles} for the arithmetic
 * and {@link AbstractLRScheduler} for the driver.
 */
public abstract class CyclicLRScheduler extends AbstractTimeScheduler {
    private final Cycles cycles;
    private final long warmupT;
    private final boolean warmupPrefix;
    private final long tInitial;
    private final double lrMin;
    private final double cycleMul;
    private final double cycleDecay;
    private final long cycleLimit;

    CyclicLRScheduler(String name, CycleBuilder<?, ?> b, Cycles cycles, Schedule schedule) {
        super(name, b, schedule);
        this.cycles = cycles;
        this.warmupT = b.warmupT;
        this.warmupPrefix = b.warmupPrefix;
        this.tInitial = b.tInitial;
        this.lrMin = b.lrMin;
        this.cycleMul = b.cycleMul;
        this.cycleDecay = b.cycleDecay();
        this.cycleLimit = b.cycleLimit();
    }

    /** {@return {@code get_cycle_length()}: the length of {@code cycle_limit} cycles (at least one)} */
    public long cycleLength() {
        return cycleLength(0);
    }

    /**
     * timm's {@code get_cycle_length(cycles)}: with {@code c = max(1, cycles != 0 ? cycles : cycle_limit)},
     * {@code t_initial * c} when {@code cycle_mul == 1}, else
     * {@code floor(-t_initial * (cycle_mul^c - 1) / (1 - cycle_mul))}; plus {@code warmup_t} with
     * {@code warmup_prefix} (current profile only).
     *
     * @param cycles the number of cycles, {@code >= 0}; 0 means {@code cycle_limit}
     * @return the length in epochs (or updates)
     * @throws IllegalArgumentException when {@code cycles < 0}, or when the length does not fit in a
     *     {@code long} (timm computes it with Python's unbounded integers, or raises
     *     {@code OverflowError} when {@code cycle_mul^cycles} overflows)
     */
    public long cycleLength(long cycles) {
        Checks.nonNegative("cycles", cycles);
        try {
            long t = this.cycles.length(cycles);
            return warmupPrefix && profile() == Profile.CURRENT ? Math.addExact(t, warmupT) : t;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cycle_length(" + cycles + ") must fit in a long, got more than "
                    + Long.MAX_VALUE + " (t_initial=" + tInitial + ", cycle_mul=" + cycleMul + ", cycle_limit="
                    + cycleLimit + ")", e);
        }
    }

    /** {@return {@code t_initial}} */
    public long tInitial() {
        return tInitial;
    }

    /** {@return {@code lr_min}} */
    public double lrMin() {
        return lrMin;
    }

    /** {@return {@code cycle_mul} ({@code t_mul} in timm 0.4)} */
    public double cycleMul() {
        return cycleMul;
    }

    /** {@return {@code cycle_decay} ({@code decay_rate} in timm 0.4)} */
    public double cycleDecay() {
        return cycleDecay;
    }

    /** {@return {@code cycle_limit} (0 means unlimited in timm 0.4)} */
    public long cycleLimit() {
        return cycleLimit;
    }

    /** {@return {@code warmup_t}} */
    public long warmupT() {
        return warmupT;
    }

    /** {@return {@code warmup_prefix}} */
    public boolean warmupPrefix() {
        return warmupPrefix;
    }

    /**
     * Options of the cyclic schedulers.
     *
     * @param <B> the concrete builder
     * @param <S> the scheduler it builds
     */
    public abstract static class CycleBuilder<B extends CycleBuilder<B, S>, S extends CyclicLRScheduler>
            extends Builder<B, S> {
        final long tInitial;
        double lrMin;
        double cycleMul = 1.0;
        Double cycleDecay;
        Long cycleLimit;

        CycleBuilder(ParamGroups groups, long tInitial) {
            super(groups, false);
            this.tInitial = tInitial;
        }

        /**
         * {@code lr_min}: the floor ({@code >= 0}, default 0).
         *
         * @param value {@code lr_min}; {@link #build()} refuses a negative or non-finite one
         * @return this builder
         */
        public B lrMin(double value) {
            this.lrMin = value;
            return self();
        }

        /**
         * {@code cycle_mul}: each cycle is this many times longer than the one before ({@code > 0}, default 1).
         *
         * @param value {@code cycle_mul}; {@link #build()} refuses one that is not a finite number {@code > 0}
         * @return this builder
         */
        public B cycleMul(double value) {
            this.cycleMul = value;
            return self();
        }

        /**
         * {@code cycle_decay}: each cycle's peak is this many times the one before ({@code >= 0}, default 1).
         *
         * @param value {@code cycle_decay}; {@link #build()} refuses a negative or non-finite one
         * @return this builder
         */
        public B cycleDecay(double value) {
            this.cycleDecay = value;
            return self();
        }

        /**
         * {@code cycle_limit}: the number of cycles ({@code >= 0}; default 1, 0 = unlimited in timm 0.4).
         *
         * @param value {@code cycle_limit}; {@link #build()} refuses a negative one
         * @return this builder
         */
        public B cycleLimit(long value) {
            this.cycleLimit = value;
            return self();
        }

        double cycleDecay() {
            return cycleDecay != null ? cycleDecay : 1.0;
        }

        long cycleLimit() {
            return cycleLimit != null ? cycleLimit : profile == Profile.TIMM_0_4 ? 0 : 1;
        }

        Cycles cycles(Cycles.Shape shape) {
            validateCommon();
            Checks.positive("t_initial", tInitial);
            Checks.nonNegative("lr_min", lrMin);
            Checks.positive("cycle_mul", cycleMul);
            Checks.nonNegative("cycle_decay", cycleDecay());
            Checks.nonNegative("cycle_limit", cycleLimit());
            if (Double.isInfinite(growth())) {
                throw Checks.invalid("cycle_decay",
                        "stay <= 1, or its power for the last cycle any t < 2^63 reaches finite", cycleDecay());
            }
            return new Cycles(shape, tInitial, lrMin, cycleMul, cycleDecay(), cycleLimit(), profile);
        }

        /**
         * {@code cycle_decay^n} for the largest {@code n} that shows: the last cycle a {@code t < 2^63}
         * can reach below {@code cycle_limit} (in timm 0.4 also the after-the-last-cycle exponent
         * {@code cycle_limit}, which scales {@code lr_min}); 1 when {@code cycle_decay <= 1}.
         */
        @Override
        double growth() {
            double decay = cycleDecay();
            return decay > 1 ? Math.pow(decay, lastDecayExponent()) : 1.0;
        }

        @Override
        double lrFloor() {
            return lrMin;
        }

        private double lastDecayExponent() {
            double reachable = reachableCycles();
            long limit = cycleLimit();
            double n = profile == Profile.TIMM_0_4
                    ? (limit == 0 ? reachable : Math.min(limit, reachable + 1))
                    : Math.min(limit - 1, reachable);
            return Math.max(0, n);
        }

        /** {@return an upper bound of the cycle index {@code i} at any {@code t < 2^63}} */
        private double reachableCycles() {
            double tMax = 0x1.0p63;
            if (cycleMul == 1.0) {
                return Math.floor(tMax / tInitial);
            }
            if (cycleMul > 1) {
                return Math.floor(Math.log1p(tMax / tInitial * (cycleMul - 1)) / Math.log(cycleMul)) + 1;
            }
            // cycle_mul < 1: the logarithm's argument 1 - t / t_initial * (1 - cycle_mul) is at least 2^-53
            // while positive (past that every cycle is over)
            return Math.floor(53 * Math.log(2) / -Math.log(cycleMul)) + 1;
        }
    }
}
