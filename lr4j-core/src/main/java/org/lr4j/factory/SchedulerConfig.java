package org.lr4j.factory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lr4j.internal.Checks;
import org.lr4j.schedule.Profile;

/**
 * Every scheduler flag of timm's train.py, with train.py's defaults, plus lr4j's {@code lb}, {@code ub}
 * and {@code timm} profile: one value per {@link SchedulerOption}, which describes each flag (its name,
 * default, rule and help) in one place. Immutable; build one with {@link #builder()} or from train.py's
 * {@code args.yaml} with {@link #fromArgs(Map)}; read a value with its typed getter or
 * {@link #get(SchedulerOption)}.
 *
 * <pre>{@code
 * SchedulerConfig c = SchedulerConfig.builder().sched("tanh").epochs(50).warmupEpochs(0).build();
 * CreatedScheduler created = SchedulerFactory.create(c, ParamGroupList.of(c.lr()), 0);
 * created.numEpochs();   // 50
 * }</pre>
 */
public final class SchedulerConfig {
    /** The valid {@code --sched} names. */
    public static final List<String> SCHEDULERS = SchedulerOption.SCHEDULER_NAMES;

    /** The train.py names this configuration reads from an {@code args.yaml}/JSON map. */
    public static final Set<String> ARG_NAMES = SchedulerOption.all().stream().map(SchedulerOption::name)
            .collect(Collectors.toUnmodifiableSet());

    /** One value per option, at the option's index; immutable values (lists copied). */
    private final Object[] values;

    private SchedulerConfig(Object[] values) {
        this.values = values;
    }

    /**
     * A builder holding train.py's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a new builder, which changes nothing here
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        System.arraycopy(values, 0, b.values, 0, values.length);
        return b;
    }

    /**
     * A configuration from train.py's arguments by their Python names, as in the {@code args.yaml} that
     * train.py writes into its output folder. Names this class does not know (model, data_dir, ...)
     * are ignored; absent ones keep train.py's defaults; {@code null} values keep the default too.
     *
     * @param args train.py's arguments by their Python names ({@code sched}, {@code lr_cycle_mul}, ...)
     * @return the configuration, validated
     * @throws IllegalArgumentException ({@link org.lr4j.schedule.InvalidValueException}) naming the
     *     argument whose value has the wrong type or breaks a rule
     * @throws NullPointerException when {@code args} is null
     */
    public static SchedulerConfig fromArgs(Map<String, ?> args) {
        Checks.notNull("args", args);
        Builder b = builder();
        for (Map.Entry<String, ?> e : args.entrySet()) {
            if (e.getValue() != null) {
                SchedulerOption.named(e.getKey()).ifPresent(o -> b.setConverted(o, e.getValue()));
            }
        }
        return b.build();
    }

    /**
     * The configuration as train.py's arguments by their Python names (what {@link #fromArgs} reads); an
     * option whose default depends on the profile and that train.py has no none for (the cycle decay) is
     * written as the value in use.
     *
     * @return every option by its Python name, in {@link SchedulerOption#all()}'s order; unmodifiable
     */
    public Map<String, Object> toArgs() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (SchedulerOption<?> o : SchedulerOption.all()) {
            m.put(o.name(), arg(o));
        }
        return Collections.unmodifiableMap(m);
    }

    private <T> Object arg(SchedulerOption<T> o) {
        return o.toArg(inUse(o));
    }

    /** The value of {@code o}, or when none is given and its default depends on the profile, that default. */
    private <T> T inUse(SchedulerOption<T> o) {
        T v = get(o);
        return v != null ? v : o.profileDefault(timm());
    }

    /**
     * The value of {@code option} (null for an optional option without a value).
     *
     * @param <T> the option's value type
     * @param option any option
     * @return its value
     * @throws NullPointerException when {@code option} is null
     */
    @SuppressWarnings("unchecked")
    public <T> T get(SchedulerOption<T> option) {
        return (T) values[option.index()];
    }

    /**
     * The learning rate train.py uses: {@code lr} when given, else
     * {@code lr_base * (batch_size / lr_base_size)}, with the ratio square-rooted when
     * {@code lr_base_scale} is {@code sqrt} (by default: when the optimizer's name contains {@code ada}
     * or {@code lamb}).
     *
     * @return the learning rate
     */
    public double effectiveLr() {
        if (lr() != null) {
            return lr();
        }
        double ratio = batchSize() / lrBaseSize();
        String scale = lrBaseScale();
        if (scale == null || scale.isEmpty()) {
            String on = opt().toLowerCase(Locale.ROOT);
            scale = on.contains("ada") || on.contains("lamb") ? "sqrt" : "linear";
        }
        if (scale.equals("sqrt")) {
            ratio = Math.pow(ratio, 0.5);
        }
        return lrBase() * ratio;
    }

    /** {@return the value of {@link SchedulerOption#SCHED}} */
    public String sched() { return get(SchedulerOption.SCHED); }

    /** {@return the value of {@link SchedulerOption#EPOCHS}} */
    public long epochs() { return get(SchedulerOption.EPOCHS); }

    /** {@return the value of {@link SchedulerOption#DECAY_EPOCHS}} */
    public double decayEpochs() { return get(SchedulerOption.DECAY_EPOCHS); }

    /** {@return the value of {@link SchedulerOption#DECAY_MILESTONES}} */
    public List<Double> decayMilestones() { return get(SchedulerOption.DECAY_MILESTONES); }

    /** {@return the value of {@link SchedulerOption#WARMUP_EPOCHS}} */
    public long warmupEpochs() { return get(SchedulerOption.WARMUP_EPOCHS); }

    /** {@return the value of {@link SchedulerOption#COOLDOWN_EPOCHS}} */
    public long cooldownEpochs() { return get(SchedulerOption.COOLDOWN_EPOCHS); }

    /** {@return the value of {@link SchedulerOption#PATIENCE_EPOCHS}} */
    public long patienceEpochs() { return get(SchedulerOption.PATIENCE_EPOCHS); }

    /** {@return the value of {@link SchedulerOption#DECAY_RATE}} */
    public double decayRate() { return get(SchedulerOption.DECAY_RATE); }

    /** {@return the value of {@link SchedulerOption#MIN_LR}} */
    public double minLr() { return get(SchedulerOption.MIN_LR); }

    /** {@return the value of {@link SchedulerOption#WARMUP_LR}} */
    public double warmupLr() { return get(SchedulerOption.WARMUP_LR); }

    /** {@return the value of {@link SchedulerOption#WARMUP_PREFIX}} */
    public boolean warmupPrefix() { return get(SchedulerOption.WARMUP_PREFIX); }

    /** {@return the value of {@link SchedulerOption#LR_NOISE}} */
    public List<Double> lrNoise() { return get(SchedulerOption.LR_NOISE); }

    /** {@return the value of {@link SchedulerOption#LR_NOISE_PCT}} */
    public double lrNoisePct() { return get(SchedulerOption.LR_NOISE_PCT); }

    /** {@return the value of {@link SchedulerOption#LR_NOISE_STD}} */
    public double lrNoiseStd() { return get(SchedulerOption.LR_NOISE_STD); }

    /** {@return the value of {@link SchedulerOption#SEED}} */
    public long seed() { return get(SchedulerOption.SEED); }

    /** {@return the value of {@link SchedulerOption#LR_CYCLE_MUL}} */
    public double lrCycleMul() { return get(SchedulerOption.LR_CYCLE_MUL); }

    /**
     * The peak's decay per cycle the scheduler uses: the value given, or when none is, the profile's
     * default: train.py's 0.5, or 1.0 (tanh's {@code decay_rate} default) with {@code --timm 0.4}.
     *
     * @return the decay in use
     */
    public double lrCycleDecay() { return inUse(SchedulerOption.LR_CYCLE_DECAY); }

    /** {@return the value of {@link SchedulerOption#LR_CYCLE_LIMIT}} */
    public long lrCycleLimit() { return get(SchedulerOption.LR_CYCLE_LIMIT); }

    /** {@return the value of {@link SchedulerOption#LR_K_DECAY}} */
    public double lrKDecay() { return get(SchedulerOption.LR_K_DECAY); }

    /** {@return the value of {@link SchedulerOption#SCHED_ON_UPDATES}} */
    public boolean schedOnUpdates() { return get(SchedulerOption.SCHED_ON_UPDATES); }

    /** {@return the value of {@link SchedulerOption#EVAL_METRIC}} */
    public String evalMetric() { return get(SchedulerOption.EVAL_METRIC); }

    /** {@return the value of {@link SchedulerOption#LR}} */
    public Double lr() { return get(SchedulerOption.LR); }

    /** {@return the value of {@link SchedulerOption#LR_BASE}} */
    public double lrBase() { return get(SchedulerOption.LR_BASE); }

    /** {@return the value of {@link SchedulerOption#LR_BASE_SIZE}} */
    public double lrBaseSize() { return get(SchedulerOption.LR_BASE_SIZE); }

    /** {@return the value of {@link SchedulerOption#LR_BASE_SCALE}} */
    public String lrBaseScale() { return get(SchedulerOption.LR_BASE_SCALE); }

    /** {@return the value of {@link SchedulerOption#BATCH_SIZE}} */
    public long batchSize() { return get(SchedulerOption.BATCH_SIZE); }

    /** {@return the value of {@link SchedulerOption#OPT}} */
    public String opt() { return get(SchedulerOption.OPT); }

    /** {@return the value of {@link SchedulerOption#LB}} */
    public Double lb() { return get(SchedulerOption.LB); }

    /** {@return the value of {@link SchedulerOption#UB}} */
    public Double ub() { return get(SchedulerOption.UB); }

    /** {@return the value of {@link SchedulerOption#TIMM}} */
    public Profile timm() { return get(SchedulerOption.TIMM); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulerConfig c && c.toArgs().equals(toArgs());
    }

    @Override
    public int hashCode() {
        return toArgs().hashCode();
    }

    @Override
    public String toString() {
        return "SchedulerConfig" + toArgs();
    }

    /** Builder of {@link SchedulerConfig}; starts from train.py's defaults. Setters record; {@link #build()} checks. */
    public static final class Builder {
        private final Object[] values = new Object[SchedulerOption.all().size()];

        private Builder() {
            for (SchedulerOption<?> o : SchedulerOption.all()) {
                values[o.index()] = o.defaultValue();
            }
        }

        /**
         * Sets {@code option} to {@code value} (null: none, for an optional option).
         *
         * @param <T> the option's value type
         * @param option the option
         * @param value its value; {@link #build()} checks it
         * @return this builder
         * @throws NullPointerException when {@code option} is null
         */
        public <T> Builder set(SchedulerOption<T> option, T value) {
            values[option.index()] = value;
            return this;
        }

        /**
         * Sets {@code option} from a loosely typed value (a parsed YAML/JSON value or a string).
         *
         * @param <T> the option's value type
         * @param option the option
         * @param value a number, boolean, string or list, as YAML or JSON reads it, or a string to parse
         * @return this builder
         * @throws IllegalArgumentException ({@link org.lr4j.schedule.InvalidValueException}) naming the
         *     option when the value has the wrong type
         */
        public <T> Builder setConverted(SchedulerOption<T> option, Object value) {
            return set(option, option.convert(value));
        }

        /**
         * Sets {@link SchedulerOption#SCHED}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder sched(String v) { return set(SchedulerOption.SCHED, v); }

        /**
         * Sets {@link SchedulerOption#EPOCHS}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder epochs(long v) { return set(SchedulerOption.EPOCHS, v); }

        /**
         * Sets {@link SchedulerOption#DECAY_EPOCHS}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder decayEpochs(double v) { return set(SchedulerOption.DECAY_EPOCHS, v); }

        /**
         * Sets {@link SchedulerOption#DECAY_MILESTONES}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder decayMilestones(List<Double> v) { return set(SchedulerOption.DECAY_MILESTONES, v); }

        /**
         * Sets {@link SchedulerOption#WARMUP_EPOCHS}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder warmupEpochs(long v) { return set(SchedulerOption.WARMUP_EPOCHS, v); }

        /**
         * Sets {@link SchedulerOption#COOLDOWN_EPOCHS}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder cooldownEpochs(long v) { return set(SchedulerOption.COOLDOWN_EPOCHS, v); }

        /**
         * Sets {@link SchedulerOption#PATIENCE_EPOCHS}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder patienceEpochs(long v) { return set(SchedulerOption.PATIENCE_EPOCHS, v); }

        /**
         * Sets {@link SchedulerOption#DECAY_RATE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder decayRate(double v) { return set(SchedulerOption.DECAY_RATE, v); }

        /**
         * Sets {@link SchedulerOption#MIN_LR}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder minLr(double v) { return set(SchedulerOption.MIN_LR, v); }

        /**
         * Sets {@link SchedulerOption#WARMUP_LR}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder warmupLr(double v) { return set(SchedulerOption.WARMUP_LR, v); }

        /**
         * Sets {@link SchedulerOption#WARMUP_PREFIX}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder warmupPrefix(boolean v) { return set(SchedulerOption.WARMUP_PREFIX, v); }

        /**
         * Sets {@link SchedulerOption#LR_NOISE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrNoise(List<Double> v) { return set(SchedulerOption.LR_NOISE, v); }

        /**
         * Sets {@link SchedulerOption#LR_NOISE_PCT}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrNoisePct(double v) { return set(SchedulerOption.LR_NOISE_PCT, v); }

        /**
         * Sets {@link SchedulerOption#LR_NOISE_STD}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrNoiseStd(double v) { return set(SchedulerOption.LR_NOISE_STD, v); }

        /**
         * Sets {@link SchedulerOption#SEED}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder seed(long v) { return set(SchedulerOption.SEED, v); }

        /**
         * Sets {@link SchedulerOption#LR_CYCLE_MUL}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrCycleMul(double v) { return set(SchedulerOption.LR_CYCLE_MUL, v); }

        /**
         * Sets the peak's decay per cycle.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrCycleDecay(double v) { return set(SchedulerOption.LR_CYCLE_DECAY, v); }

        /**
         * Sets {@link SchedulerOption#LR_CYCLE_LIMIT}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrCycleLimit(long v) { return set(SchedulerOption.LR_CYCLE_LIMIT, v); }

        /**
         * Sets {@link SchedulerOption#LR_K_DECAY}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrKDecay(double v) { return set(SchedulerOption.LR_K_DECAY, v); }

        /**
         * Sets {@link SchedulerOption#SCHED_ON_UPDATES}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder schedOnUpdates(boolean v) { return set(SchedulerOption.SCHED_ON_UPDATES, v); }

        /**
         * Sets {@link SchedulerOption#EVAL_METRIC}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder evalMetric(String v) { return set(SchedulerOption.EVAL_METRIC, v); }

        /**
         * Sets {@link SchedulerOption#LR}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lr(Double v) { return set(SchedulerOption.LR, v); }

        /**
         * Sets {@link SchedulerOption#LR_BASE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrBase(double v) { return set(SchedulerOption.LR_BASE, v); }

        /**
         * Sets {@link SchedulerOption#LR_BASE_SIZE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrBaseSize(double v) { return set(SchedulerOption.LR_BASE_SIZE, v); }

        /**
         * Sets {@link SchedulerOption#LR_BASE_SCALE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lrBaseScale(String v) { return set(SchedulerOption.LR_BASE_SCALE, v); }

        /**
         * Sets {@link SchedulerOption#BATCH_SIZE}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder batchSize(long v) { return set(SchedulerOption.BATCH_SIZE, v); }

        /**
         * Sets {@link SchedulerOption#OPT}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder opt(String v) { return set(SchedulerOption.OPT, v); }

        /**
         * Sets {@link SchedulerOption#LB}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder lb(Double v) { return set(SchedulerOption.LB, v); }

        /**
         * Sets {@link SchedulerOption#UB}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder ub(Double v) { return set(SchedulerOption.UB, v); }

        /**
         * Sets {@link SchedulerOption#TIMM}.
         *
         * @param v the value; {@link #build()} checks it against the option's rule
         * @return this builder
         */
        public Builder timm(Profile v) { return set(SchedulerOption.TIMM, v); }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException ({@link org.lr4j.schedule.InvalidValueException}) naming the
         *     first flag (by train.py's Python name) that breaks its rule
         * @throws NullPointerException naming a flag that has no value and must have one
         */
        public SchedulerConfig build() {
            Object[] v = values.clone();
            for (SchedulerOption<?> o : SchedulerOption.all()) {
                v[o.index()] = checked(o, v[o.index()]);
            }
            Double lb = (Double) v[SchedulerOption.LB.index()];
            Double ub = (Double) v[SchedulerOption.UB.index()];
            if (lb != null && ub != null && !(lb < ub)) {
                throw Checks.invalid("lb", "be < ub", "lb=" + lb + ", ub=" + ub);
            }
            return new SchedulerConfig(v);
        }

        @SuppressWarnings("unchecked")
        private static <T> Object checked(SchedulerOption<T> o, Object value) {
            T t = (T) value;
            o.check(t);
            return t instanceof List<?> l ? List.copyOf(l) : t;
        }
    }
}
