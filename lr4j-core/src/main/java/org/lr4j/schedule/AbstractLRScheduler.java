package org.lr4j.schedule;

import java.util.ArrayList;
import java.util.List;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;
import org.lr4j.noise.Noise;
import org.lr4j.noise.NoiseRange;
import org.lr4j.noise.NoiseType;
import org.lr4j.state.SchedulerState;

/**
 * What every lr4j scheduler shares (timm's {@code Scheduler} base class): it initialises the groups,
 * keeps the base values, writes values with {@code lr_scale}, holds the noise, and saves and restores
 * the state. {@link AbstractTimeScheduler} adds the stepping of a pure {@link Schedule};
 * {@link PlateauLRScheduler} its own, metric-driven one.
 *
 * <p>Construction: with {@code initialize = true} every group must have {@code lr}, and a group without
 * {@code initial_lr} gets {@code initial_lr = lr}; with {@code initialize = false} every group must
 * already have {@code initial_lr}. The base values are the groups' {@code initial_lr}; the groups are
 * written with them, then, when there is a warmup, with {@code warmup_lr_init}.
 *
 * <p>Writing: {@code lr = value * lr_scale} when the group has {@code lr_scale} (ignored in the 0.4
 * profile), else {@code lr = value}.
 *
 * <p>Validation: the builders refuse every value for which timm would fail or misbehave (see
 * {@code docs/validation.md}); in particular no accepted configuration can reach a non-finite learning
 * rate: the largest value a group can be written ({@code max(initial_lr, lr_min)} times the schedule's
 * largest growth factor, {@code warmup_lr_init}, times {@code 1 + noise_pct} and {@code lr_scale}) is
 * checked at construction and on {@code restore}.
 *
 * <p>Thread safety: the configuration and the {@link Schedule} are immutable. {@code step},
 * {@code stepUpdate} and {@code restore} write the groups (and, for plateau, its counters) and must be
 * called from one thread at a time, as an optimizer is used. {@code lrAt}, {@code values} and
 * {@code baseValues} read only an immutable snapshot of the base values and may be called from any
 * number of threads at once, even while another thread steps or restores: such a call sees the base
 * values from either before or after a concurrent {@code restore}, never a mix.
 */
public abstract class AbstractLRScheduler implements LRScheduler {
    private final String name;
    private final ParamGroups groups;
    /**
     * The base values, replaced whole (never written in place) by {@code restore}. Published through the
     * final field of {@link Bases} rather than a volatile field: a reader on another thread sees the
     * snapshot from before or the one from after a concurrent restore, fully written, never a mix
     * (JLS 17.5, final field semantics), and {@code lrAt} pays no volatile read (most of a cosine
     * value's cost in {@code CosineBaselineBench}; see BENCHMARKS.md).
     */
    private Bases bases;
    private final Profile profile;
    private final boolean tInEpochs;
    private final Noise noise;
    private final double growth;
    private final double lrFloor;
    private final double warmupLrInit;

    /** An immutable snapshot of the base values (its array is never written after construction). */
    private record Bases(double[] values) {
    }

    AbstractLRScheduler(String name, Builder<?, ?> b) {
        this.name = name;
        this.groups = b.groups;
        this.profile = b.profile;
        this.tInEpochs = b.tInEpochs;
        this.noise = b.noise();
        this.growth = b.growth();
        this.lrFloor = b.lrFloor();
        this.warmupLrInit = b.warmupLrInit;
        double[] baseValues = initialise(b.groups, b.initialize);
        checkFinitePeak(baseValues);
        this.bases = new Bases(baseValues);
        for (int g = 0; g < baseValues.length; g++) {
            write(g, baseValues[g]);
        }
        if (b.warmupT > 0) {
            for (int g = 0; g < baseValues.length; g++) {
                write(g, b.warmupLrInit);
            }
        }
    }

    private static double[] initialise(ParamGroups groups, boolean initialize) {
        int n = groups.size();
        if (n < 1) {
            throw Checks.invalid("param_groups", "hold at least one group", "0");
        }
        double[] base = new double[n];
        for (int g = 0; g < n; g++) {
            if (initialize) {
                if (!groups.hasLr(g)) {
                    throw Checks.invalid("param_groups[" + g + "].lr", "be given", "none");
                }
                if (!groups.hasInitialLr(g)) {
                    groups.setInitialLr(g, Checks.nonNegative("param_groups[" + g + "].lr", groups.lr(g)));
                }
            } else if (!groups.hasInitialLr(g)) {
                throw Checks.invalid("param_groups[" + g + "].initial_lr", "be given when initialize=false", "none");
            }
            base[g] = Checks.nonNegative("param_groups[" + g + "].initial_lr", groups.initialLr(g));
            if (groups.hasLrScale(g)) {
                Checks.nonNegative("param_groups[" + g + "].lr_scale", groups.lrScale(g));
            }
        }
        return base;
    }

    /**
     * Fails unless every value this scheduler can write to a group stays finite:
     * {@code max(max(base, lr_min) * growth, warmup_lr_init) * (1 + noise_pct) * lr_scale}.
     */
    private void checkFinitePeak(double[] base) {
        double noiseFactor = noise.range().isNone() ? 1.0 : 1.0 + noise.pct();
        for (int g = 0; g < base.length; g++) {
            double scale = profile == Profile.CURRENT && groups.hasLrScale(g) ? groups.lrScale(g) : 1.0;
            double peak = Math.max(Math.max(base[g], lrFloor) * growth, warmupLrInit) * noiseFactor * scale;
            if (!Double.isFinite(peak)) {
                throw Checks.invalid("param_groups[" + g + "].initial_lr", "keep every learning rate finite",
                        base[g] + " (peak " + peak + ")");
            }
        }
    }

    static void checkT(String what, long t) {
        if (t < 0) {
            throw Checks.invalid(what, "be >= 0", t);
        }
    }

    /** Writes {@code value} to group {@code g}, scaled by its {@code lr_scale} (current profile). */
    final void write(int g, double value) {
        if (profile == Profile.CURRENT && groups.hasLrScale(g)) {
            groups.setLr(g, value * groups.lrScale(g));
        } else {
            groups.setLr(g, value);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParamGroups groups() {
        return groups;
    }

    @Override
    public final boolean tInEpochs() {
        return tInEpochs;
    }

    @Override
    public final double[] baseValues() {
        return bases.values().clone();
    }

    final double base(int g) {
        return bases.values()[g];
    }

    /** {@return the current base values themselves (never written: {@code restore} replaces the array)} */
    final double[] bases() {
        return bases.values();
    }

    final int groupCount() {
        return bases.values().length;
    }

    /** {@return the semantics profile ({@code current} or {@code 0.4})} */
    public final Profile profile() {
        return profile;
    }

    /** {@return the noise configuration ({@link Noise#NONE} when {@code noise_range_t} is none)} */
    public final Noise noise() {
        return noise;
    }

    @Override
    public SchedulerState state() {
        return new SchedulerState(name, toList(bases.values()), toList(groups.lrs()), null);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when a restored base value would let a learning rate
     *     overflow (see the class comment)
     */
    @Override
    public void restore(SchedulerState state) {
        Checks.notNull("state", state);
        int n = groupCount();
        state.requireFor(name, n);
        double[] restored = new double[n];
        for (int g = 0; g < restored.length; g++) {
            restored[g] = state.baseValues().get(g);
        }
        checkFinitePeak(restored);
        for (int g = 0; g < restored.length; g++) {
            groups.setInitialLr(g, restored[g]);
            groups.setLr(g, state.lrs().get(g));
        }
        bases = new Bases(restored);
        basesRestored(restored);
    }

    /** Called after {@code restore} replaced the base values with {@code restored}; nothing by default. */
    void basesRestored(double[] restored) {
    }

    static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{groups=" + groupCount() + ", tInEpochs=" + tInEpochs
                + ", profile=" + profile.label() + ", noise=" + noise + "}";
    }

    /**
     * The options every scheduler shares: the groups, the mode, the warmup, the noise and
     * {@code initialize}. Setters only record; {@code build()} validates.
     *
     * @param <B> the concrete builder
     * @param <S> the scheduler it builds
     */
    public abstract static class Builder<B extends Builder<B, S>, S extends LRScheduler> {
        final ParamGroups groups;
        Profile profile = Profile.CURRENT;
        boolean tInEpochs = true;
        long warmupT;
        double warmupLrInit;
        boolean warmupPrefix;
        boolean initialize = true;
        NoiseRange noiseRangeT = NoiseRange.none();
        NoiseType noiseType = NoiseType.NORMAL;
        double noisePct = 0.67;
        double noiseStd = 1.0;
        long noiseSeed = 42;

        Builder(ParamGroups groups, boolean warmupPrefixDefault) {
            this.groups = Checks.notNull("param_groups", groups);
            this.warmupPrefix = warmupPrefixDefault;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * {@code t_in_epochs}: true (default) steps on epochs, false on optimizer updates.
         *
         * @param value {@code t_in_epochs}
         * @return this builder
         */
        public B tInEpochs(boolean value) {
            this.tInEpochs = value;
            return self();
        }

        /**
         * {@code warmup_t}: the number of warmup steps ({@code >= 0}, default 0).
         *
         * @param value {@code warmup_t}; {@link #build()} refuses a negative one
         * @return this builder
         */
        public B warmupT(long value) {
            this.warmupT = value;
            return self();
        }

        /**
         * {@code warmup_lr_init}: the learning rate at {@code t = 0} of the warmup ({@code >= 0}, default 0).
         *
         * @param value {@code warmup_lr_init}; {@link #build()} refuses a negative or non-finite one
         * @return this builder
         */
        public B warmupLrInit(double value) {
            this.warmupLrInit = value;
            return self();
        }

        /**
         * {@code warmup_prefix}: whether the schedule starts after the warmup rather than under it.
         *
         * @param value {@code warmup_prefix}
         * @return this builder
         */
        public B warmupPrefix(boolean value) {
            this.warmupPrefix = value;
            return self();
        }

        /**
         * {@code initialize}: whether to set each group's {@code initial_lr} from its {@code lr} (default true).
         *
         * @param value {@code initialize}
         * @return this builder
         */
        public B initialize(boolean value) {
            this.initialize = value;
            return self();
        }

        /**
         * {@code noise_range_t} as a number: noise for every {@code t >= start}.
         *
         * @param start the first {@code t} with noise, finite
         * @return this builder
         * @throws IllegalArgumentException when {@code start} is NaN or infinite ({@code noise_range_t must be a finite number, got NaN})
         */
        public B noiseRangeT(double start) {
            this.noiseRangeT = NoiseRange.from(start);
            return self();
        }

        /**
         * {@code noise_range_t} as a pair: noise for {@code start <= t < end}.
         *
         * @param start the first {@code t} with noise, finite
         * @param end the first {@code t} without noise again, finite, {@code >= start}
         * @return this builder
         * @throws IllegalArgumentException when a bound is NaN or infinite, or {@code start > end}
         */
        public B noiseRangeT(double start, double end) {
            this.noiseRangeT = NoiseRange.between(start, end);
            return self();
        }

        /**
         * {@code noise_range_t} (default none).
         *
         * @param range the range, {@link NoiseRange#none()} for none
         * @return this builder
         */
        public B noiseRangeT(NoiseRange range) {
            this.noiseRangeT = Checks.notNull("noise_range_t", range);
            return self();
        }

        /**
         * {@code noise_type}: normal (default) or uniform.
         *
         * @param value {@code noise_type}
         * @return this builder
         */
        public B noiseType(NoiseType value) {
            this.noiseType = Checks.notNull("noise_type", value);
            return self();
        }

        /**
         * {@code noise_pct}: the noise's bound (default 0.67).
         *
         * @param value {@code noise_pct}; {@link #build()} checks it when noise applies: in {@code [1e-4, 1]} for normal noise, {@code [0, 1]} for uniform
         * @return this builder
         */
        public B noisePct(double value) {
            this.noisePct = value;
            return self();
        }

        /**
         * {@code noise_std}: stored, without effect, as in timm (default 1.0).
         *
         * @param value {@code noise_std}, finite ({@link #build()} checks)
         * @return this builder
         */
        public B noiseStd(double value) {
            this.noiseStd = value;
            return self();
        }

        /**
         * {@code noise_seed}: the generator is seeded with {@code noise_seed + t} (default 42).
         *
         * @param value {@code noise_seed}
         * @return this builder
         */
        public B noiseSeed(long value) {
            this.noiseSeed = value;
            return self();
        }

        Noise noise() {
            return noiseRangeT.isNone() ? Noise.NONE
                    : Noise.of(noiseRangeT, noiseType, noisePct, noiseStd, noiseSeed);
        }

        /**
         * The largest factor by which the schedule can multiply a base value (or {@code lr_min}) for any
         * {@code t >= 0}: 1 unless a decay rate above 1 makes it grow. Builders whose schedule can grow
         * override this and refuse a growth that overflows.
         */
        double growth() {
            return 1.0;
        }

        /** {@return the schedule's floor ({@code lr_min}) where it has one, for the finite-peak check} */
        double lrFloor() {
            return 0.0;
        }

        /** Validates the shared options. */
        void validateCommon() {
            Checks.nonNegative("warmup_t", warmupT);
            Checks.nonNegative("warmup_lr_init", warmupLrInit);
            if (!noiseRangeT.isNone()) {
                noise();
            } else {
                Checks.finite("noise_pct", noisePct);
                Checks.finite("noise_std", noiseStd);
            }
        }

        /**
         * Validates every option and builds the scheduler, writing the groups as timm's constructor does.
         *
         * @return the scheduler, its groups already written
         * @throws IllegalArgumentException naming the first option that breaks its rule, or a group that
         *     lacks {@code lr} ({@code initial_lr} when {@code initialize = false})
         */
        public abstract S build();
    }
}
