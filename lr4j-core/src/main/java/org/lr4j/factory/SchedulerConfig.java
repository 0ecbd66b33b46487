package org.lr4j.factory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lr4j.internal.Args;
import org.lr4j.internal.Checks;
import org.lr4j.schedule.Profile;

/**
 * Every scheduler flag of timm's train.py, with train.py's defaults (this class is the one place they
 * are written), plus lr4j's {@code lb}, {@code ub} and {@code timm} profile. Immutable; build one with
 * {@link #builder()} or from train.py's {@code args.yaml} with {@link #fromArgs(Map)}.
 *
 * <pre>{@code
 * SchedulerConfig c = SchedulerConfig.builder().sched("tanh").epochs(50).warmupEpochs(0).build();
 * CreatedScheduler created = SchedulerFactory.create(c, ParamGroupList.of(c.lr()), 0);
 * created.numEpochs();   // 50
 * }</pre>
 */
public final class SchedulerConfig {
    /** The valid {@code --sched} names. */
    public static final List<String> SCHEDULERS = List.of("cosine", "tanh", "step", "multistep", "plateau", "poly");

    private final String sched;
    private final long epochs;
    private final double decayEpochs;
    private final List<Double> decayMilestones;
    private final long warmupEpochs;
    private final long cooldownEpochs;
    private final long patienceEpochs;
    private final double decayRate;
    private final double minLr;
    private final double warmupLr;
    private final boolean warmupPrefix;
    private final List<Double> lrNoise;
    private final double lrNoisePct;
    private final double lrNoiseStd;
    private final long seed;
    private final double lrCycleMul;
    private final double lrCycleDecay;
    private final long lrCycleLimit;
    private final double lrKDecay;
    private final boolean schedOnUpdates;
    private final String evalMetric;
    private final Double lr;
    private final double lrBase;
    private final double lrBaseSize;
    private final String lrBaseScale;
    private final long batchSize;
    private final String opt;
    private final Double lb;
    private final Double ub;
    private final Profile timm;

    private SchedulerConfig(Builder b) {
        sched = b.sched;
        epochs = b.epochs;
        decayEpochs = b.decayEpochs;
        decayMilestones = List.copyOf(b.decayMilestones);
        warmupEpochs = b.warmupEpochs;
        cooldownEpochs = b.cooldownEpochs;
        patienceEpochs = b.patienceEpochs;
        decayRate = b.decayRate;
        minLr = b.minLr;
        warmupLr = b.warmupLr;
        warmupPrefix = b.warmupPrefix;
        lrNoise = b.lrNoise == null ? null : List.copyOf(b.lrNoise);
        lrNoisePct = b.lrNoisePct;
        lrNoiseStd = b.lrNoiseStd;
        seed = b.seed;
        lrCycleMul = b.lrCycleMul;
        lrCycleDecay = b.lrCycleDecay;
        lrCycleLimit = b.lrCycleLimit;
        lrKDecay = b.lrKDecay;
        schedOnUpdates = b.schedOnUpdates;
        evalMetric = b.evalMetric;
        lr = b.lr;
        lrBase = b.lrBase;
        lrBaseSize = b.lrBaseSize;
        lrBaseScale = b.lrBaseScale;
        batchSize = b.batchSize;
        opt = b.opt;
        lb = b.lb;
        ub = b.ub;
        timm = b.timm;
    }

    /** A builder holding train.py's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sched = sched;
        b.epochs = epochs;
        b.decayEpochs = decayEpochs;
        b.decayMilestones = new ArrayList<>(decayMilestones);
        b.warmupEpochs = warmupEpochs;
        b.cooldownEpochs = cooldownEpochs;
        b.patienceEpochs = patienceEpochs;
        b.decayRate = decayRate;
        b.minLr = minLr;
        b.warmupLr = warmupLr;
        b.warmupPrefix = warmupPrefix;
        b.lrNoise = lrNoise == null ? null : new ArrayList<>(lrNoise);
        b.lrNoisePct = lrNoisePct;
        b.lrNoiseStd = lrNoiseStd;
        b.seed = seed;
        b.lrCycleMul = lrCycleMul;
        b.lrCycleDecay = lrCycleDecay;
        b.lrCycleLimit = lrCycleLimit;
        b.lrKDecay = lrKDecay;
        b.schedOnUpdates = schedOnUpdates;
        b.evalMetric = evalMetric;
        b.lr = lr;
        b.lrBase = lrBase;
        b.lrBaseSize = lrBaseSize;
        b.lrBaseScale = lrBaseScale;
        b.batchSize = batchSize;
        b.opt = opt;
        b.lb = lb;
        b.ub = ub;
        b.timm = timm;
        return b;
    }

    /** The train.py names this configuration reads from an {@code args.yaml}/JSON map. */
    public static final Set<String> ARG_NAMES = Set.of("sched", "epochs", "decay_epochs", "decay_milestones",
            "warmup_epochs", "cooldown_epochs", "patience_epochs", "decay_rate", "min_lr", "warmup_lr",
            "warmup_prefix", "lr_noise", "lr_noise_pct", "lr_noise_std", "seed", "lr_cycle_mul", "lr_cycle_decay",
            "lr_cycle_limit", "lr_k_decay", "sched_on_updates", "eval_metric", "lr", "lr_base", "lr_base_size",
            "lr_base_scale", "batch_size", "opt", "lb", "ub", "timm");

    /**
     * A configuration from train.py's arguments by their Python names, as in the {@code args.yaml} that
     * train.py writes into its output folder. Names this class does not know (model, data_dir, ...)
     * are ignored; absent ones keep train.py's defaults; {@code null} values keep the default too.
     *
     * @throws IllegalArgumentException naming the argument whose value has the wrong type or breaks a rule
     */
    public static SchedulerConfig fromArgs(Map<String, ?> args) {
        Checks.notNull("args", args);
        Builder b = builder();
        for (Map.Entry<String, ?> e : args.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v == null || !ARG_NAMES.contains(k)) {
                continue;
            }
            switch (k) {
                case "sched" -> b.sched(Args.string(k, v));
                case "epochs" -> b.epochs(Args.integer(k, v));
                case "decay_epochs" -> b.decayEpochs(Args.number(k, v));
                case "decay_milestones" -> b.decayMilestones(Args.numbers(k, v));
                case "warmup_epochs" -> b.warmupEpochs(Args.integer(k, v));
                case "cooldown_epochs" -> b.cooldownEpochs(Args.integer(k, v));
                case "patience_epochs" -> b.patienceEpochs(Args.integer(k, v));
                case "decay_rate" -> b.decayRate(Args.number(k, v));
                case "min_lr" -> b.minLr(Args.number(k, v));
                case "warmup_lr" -> b.warmupLr(Args.number(k, v));
                case "warmup_prefix" -> b.warmupPrefix(Args.bool(k, v));
                case "lr_noise" -> b.lrNoise(Args.numbers(k, v));
                case "lr_noise_pct" -> b.lrNoisePct(Args.number(k, v));
                case "lr_noise_std" -> b.lrNoiseStd(Args.number(k, v));
                case "seed" -> b.seed(Args.integer(k, v));
                case "lr_cycle_mul" -> b.lrCycleMul(Args.number(k, v));
                case "lr_cycle_decay" -> b.lrCycleDecay(Args.number(k, v));
                case "lr_cycle_limit" -> b.lrCycleLimit(Args.integer(k, v));
                case "lr_k_decay" -> b.lrKDecay(Args.number(k, v));
                case "sched_on_updates" -> b.schedOnUpdates(Args.bool(k, v));
                case "eval_metric" -> b.evalMetric(Args.string(k, v));
                case "lr" -> b.lr(Args.number(k, v));
                case "lr_base" -> b.lrBase(Args.number(k, v));
                case "lr_base_size" -> b.lrBaseSize(Args.number(k, v));
                case "lr_base_scale" -> b.lrBaseScale(Args.string(k, v));
                case "batch_size" -> b.batchSize(Args.integer(k, v));
                case "opt" -> b.opt(Args.string(k, v));
                case "lb" -> b.lb(Args.number(k, v));
                case "ub" -> b.ub(Args.number(k, v));
                case "timm" -> b.timm(Profile.fromLabel(String.valueOf(v)));
                default -> throw new AssertionError(k);
            }
        }
        return b.build();
    }

    /** The configuration as train.py's arguments by their Python names (what {@link #fromArgs} reads). */
    public Map<String, Object> toArgs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sched", sched);
        m.put("epochs", epochs);
        m.put("decay_epochs", decayEpochs);
        m.put("decay_milestones", decayMilestones);
        m.put("warmup_epochs", warmupEpochs);
        m.put("cooldown_epochs", cooldownEpochs);
        m.put("patience_epochs", patienceEpochs);
        m.put("decay_rate", decayRate);
        m.put("min_lr", minLr);
        m.put("warmup_lr", warmupLr);
        m.put("warmup_prefix", warmupPrefix);
        m.put("lr_noise", lrNoise);
        m.put("lr_noise_pct", lrNoisePct);
        m.put("lr_noise_std", lrNoiseStd);
        m.put("seed", seed);
        m.put("lr_cycle_mul", lrCycleMul);
        m.put("lr_cycle_decay", lrCycleDecay);
        m.put("lr_cycle_limit", lrCycleLimit);
        m.put("lr_k_decay", lrKDecay);
        m.put("sched_on_updates", schedOnUpdates);
        m.put("eval_metric", evalMetric);
        m.put("lr", lr);
        m.put("lr_base", lrBase);
        m.put("lr_base_size", lrBaseSize);
        m.put("lr_base_scale", lrBaseScale);
        m.put("batch_size", batchSize);
        m.put("opt", opt);
        m.put("lb", lb);
        m.put("ub", ub);
        m.put("timm", timm.label());
        return Collections.unmodifiableMap(m);
    }

    /**
     * The learning rate train.py uses: {@code lr} when given, else
     * {@code lr_base * (batch_size / lr_base_size)}, with the ratio square-rooted when
     * {@code lr_base_scale} is {@code sqrt} (by default: when the optimizer's name contains {@code ada}
     * or {@code lamb}).
     */
    public double effectiveLr() {
        if (lr != null) {
            return lr;
        }
        double ratio = batchSize / lrBaseSize;
        String scale = lrBaseScale;
        if (scale == null || scale.isEmpty()) {
            String on = opt.toLowerCase(java.util.Locale.ROOT);
            scale = on.contains("ada") || on.contains("lamb") ? "sqrt" : "linear";
        }
        if (scale.equals("sqrt")) {
            ratio = Math.pow(ratio, 0.5);
        }
        return lrBase * ratio;
    }

    /** {@code --sched}. */
    public String sched() {
        return sched;
    }

    /** {@code --epochs}. */
    public long epochs() {
        return epochs;
    }

    /** {@code --decay-epochs}. */
    public double decayEpochs() {
        return decayEpochs;
    }

    /** {@code --decay-milestones}. */
    public List<Double> decayMilestones() {
        return decayMilestones;
    }

    /** {@code --warmup-epochs}. */
    public long warmupEpochs() {
        return warmupEpochs;
    }

    /** {@code --cooldown-epochs}. */
    public long cooldownEpochs() {
        return cooldownEpochs;
    }

    /** {@code --patience-epochs}. */
    public long patienceEpochs() {
        return patienceEpochs;
    }

    /** {@code --decay-rate}. */
    public double decayRate() {
        return decayRate;
    }

    /** {@code --min-lr}. */
    public double minLr() {
        return minLr;
    }

    /** {@code --warmup-lr}. */
    public double warmupLr() {
        return warmupLr;
    }

    /** {@code --warmup-prefix}. */
    public boolean warmupPrefix() {
        return warmupPrefix;
    }

    /** {@code --lr-noise}: one or two fractions of {@code t_initial}, or null. */
    public List<Double> lrNoise() {
        return lrNoise;
    }

    /** {@code --lr-noise-pct}. */
    public double lrNoisePct() {
        return lrNoisePct;
    }

    /** {@code --lr-noise-std}. */
    public double lrNoiseStd() {
        return lrNoiseStd;
    }

    /** {@code --seed}. */
    public long seed() {
        return seed;
    }

    /** {@code --lr-cycle-mul}. */
    public double lrCycleMul() {
        return lrCycleMul;
    }

    /** {@code --lr-cycle-decay}. */
    public double lrCycleDecay() {
        return lrCycleDecay;
    }

    /** {@code --lr-cycle-limit}. */
    public long lrCycleLimit() {
        return lrCycleLimit;
    }

    /** {@code --lr-k-decay}. */
    public double lrKDecay() {
        return lrKDecay;
    }

    /** {@code --sched-on-updates}. */
    public boolean schedOnUpdates() {
        return schedOnUpdates;
    }

    /** {@code --eval-metric}. */
    public String evalMetric() {
        return evalMetric;
    }

    /** {@code --lr}, or null when train.py derives it (see {@link #effectiveLr()}). */
    public Double lr() {
        return lr;
    }

    /** {@code --lr-base}. */
    public double lrBase() {
        return lrBase;
    }

    /** {@code --lr-base-size}. */
    public double lrBaseSize() {
        return lrBaseSize;
    }

    /** {@code --lr-base-scale} ({@code linear}, {@code sqrt}, or empty for train.py's choice). */
    public String lrBaseScale() {
        return lrBaseScale;
    }

    /** {@code --batch-size}. */
    public long batchSize() {
        return batchSize;
    }

    /** {@code --opt}. */
    public String opt() {
        return opt;
    }

    /** {@code --lb} (tanh), or null for the profile's default. */
    public Double lb() {
        return lb;
    }

    /** {@code --ub} (tanh), or null for the profile's default. */
    public Double ub() {
        return ub;
    }

    /** {@code --timm}: the semantics profile. */
    public Profile timm() {
        return timm;
    }

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

    /** Builder of {@link SchedulerConfig}; starts from train.py's defaults. */
    public static final class Builder {
        private String sched = "cosine";
        private long epochs = 300;
        private double decayEpochs = 90;
        private List<Double> decayMilestones = List.of(90.0, 180.0, 270.0);
        private long warmupEpochs = 5;
        private long cooldownEpochs = 0;
        private long patienceEpochs = 10;
        private double decayRate = 0.1;
        private double minLr = 0;
        private double warmupLr = 1e-5;
        private boolean warmupPrefix = false;
        private List<Double> lrNoise = null;
        private double lrNoisePct = 0.67;
        private double lrNoiseStd = 1.0;
        private long seed = 42;
        private double lrCycleMul = 1.0;
        private double lrCycleDecay = 0.5;
        private long lrCycleLimit = 1;
        private double lrKDecay = 1.0;
        private boolean schedOnUpdates = false;
        private String evalMetric = "top1";
        private Double lr = null;
        private double lrBase = 0.1;
        private double lrBaseSize = 256;
        private String lrBaseScale = "";
        private long batchSize = 128;
        private String opt = "sgd";
        private Double lb = null;
        private Double ub = null;
        private Profile timm = Profile.CURRENT;

        private Builder() {
        }

        /** {@code --sched}: one of {@link #SCHEDULERS} (default cosine). */
        public Builder sched(String v) {
            sched = v;
            return this;
        }

        /** {@code --epochs} (default 300). */
        public Builder epochs(long v) {
            epochs = v;
            return this;
        }

        /** {@code --decay-epochs} (default 90). */
        public Builder decayEpochs(double v) {
            decayEpochs = v;
            return this;
        }

        /** {@code --decay-milestones} (default 90 180 270). */
        public Builder decayMilestones(List<Double> v) {
            decayMilestones = Checks.notNull("decay_milestones", v);
            return this;
        }

        /** {@code --warmup-epochs} (default 5). */
        public Builder warmupEpochs(long v) {
            warmupEpochs = v;
            return this;
        }

        /** {@code --cooldown-epochs} (default 0). */
        public Builder cooldownEpochs(long v) {
            cooldownEpochs = v;
            return this;
        }

        /** {@code --patience-epochs} (default 10). */
        public Builder patienceEpochs(long v) {
            patienceEpochs = v;
            return this;
        }

        /** {@code --decay-rate} (default 0.1). */
        public Builder decayRate(double v) {
            decayRate = v;
            return this;
        }

        /** {@code --min-lr} (default 0). */
        public Builder minLr(double v) {
            minLr = v;
            return this;
        }

        /** {@code --warmup-lr} (default 1e-5). */
        public Builder warmupLr(double v) {
            warmupLr = v;
            return this;
        }

        /** {@code --warmup-prefix} (default false). */
        public Builder warmupPrefix(boolean v) {
            warmupPrefix = v;
            return this;
        }

        /** {@code --lr-noise}: one or two fractions, or null for none (default). */
        public Builder lrNoise(List<Double> v) {
            lrNoise = v;
            return this;
        }

        /** {@code --lr-noise-pct} (default 0.67). */
        public Builder lrNoisePct(double v) {
            lrNoisePct = v;
            return this;
        }

        /** {@code --lr-noise-std} (default 1.0). */
        public Builder lrNoiseStd(double v) {
            lrNoiseStd = v;
            return this;
        }

        /** {@code --seed}, also the noise seed (default 42). */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** {@code --lr-cycle-mul} (default 1.0). */
        public Builder lrCycleMul(double v) {
            lrCycleMul = v;
            return this;
        }

        /** {@code --lr-cycle-decay} (default 0.5). */
        public Builder lrCycleDecay(double v) {
            lrCycleDecay = v;
            return this;
        }

        /** {@code --lr-cycle-limit} (default 1). */
        public Builder lrCycleLimit(long v) {
            lrCycleLimit = v;
            return this;
        }

        /** {@code --lr-k-decay} (default 1.0). */
        public Builder lrKDecay(double v) {
            lrKDecay = v;
            return this;
        }

        /** {@code --sched-on-updates} (default false). */
        public Builder schedOnUpdates(boolean v) {
            schedOnUpdates = v;
            return this;
        }

        /** {@code --eval-metric} (default top1); plateau minimises when it contains {@code loss}. */
        public Builder evalMetric(String v) {
            evalMetric = v;
            return this;
        }

        /** {@code --lr}, or null to derive it from {@code lr_base} (default null). */
        public Builder lr(Double v) {
            lr = v;
            return this;
        }

        /** {@code --lr-base} (default 0.1). */
        public Builder lrBase(double v) {
            lrBase = v;
            return this;
        }

        /** {@code --lr-base-size} (default 256). */
        public Builder lrBaseSize(double v) {
            lrBaseSize = v;
            return this;
        }

        /** {@code --lr-base-scale}: linear, sqrt, or empty (default) for train.py's choice. */
        public Builder lrBaseScale(String v) {
            lrBaseScale = v;
            return this;
        }

        /** {@code --batch-size} (default 128). */
        public Builder batchSize(long v) {
            batchSize = v;
            return this;
        }

        /** {@code --opt} (default sgd). */
        public Builder opt(String v) {
            opt = v;
            return this;
        }

        /** {@code --lb} for tanh, or null for the profile's default. */
        public Builder lb(Double v) {
            lb = v;
            return this;
        }

        /** {@code --ub} for tanh, or null for the profile's default. */
        public Builder ub(Double v) {
            ub = v;
            return this;
        }

        /** {@code --timm}: {@link Profile#CURRENT} (default) or {@link Profile#TIMM_0_4}. */
        public Builder timm(Profile v) {
            timm = Checks.notNull("timm", v);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first flag (by train.py's Python name) that
         *     breaks its rule
         */
        public SchedulerConfig build() {
            if (sched == null || !SCHEDULERS.contains(sched)) {
                throw new IllegalArgumentException("sched must be one of " + String.join(", ", SCHEDULERS)
                        + ", got " + sched);
            }
            Checks.positive("epochs", epochs);
            Checks.positive("decay_epochs", decayEpochs);
            for (int i = 0; i < decayMilestones.size(); i++) {
                Double m = decayMilestones.get(i);
                if (m == null) {
                    throw new IllegalArgumentException("decay_milestones[" + i + "] must be a number, got null");
                }
                Checks.nonNegative("decay_milestones[" + i + "]", m);
                if (i > 0 && m < decayMilestones.get(i - 1)) {
                    throw new IllegalArgumentException("decay_milestones must be sorted ascending, got "
                            + decayMilestones);
                }
            }
            Checks.nonNegative("warmup_epochs", warmupEpochs);
            Checks.nonNegative("cooldown_epochs", cooldownEpochs);
            Checks.nonNegative("patience_epochs", patienceEpochs);
            Checks.nonNegative("decay_rate", decayRate);
            Checks.nonNegative("min_lr", minLr);
            Checks.nonNegative("warmup_lr", warmupLr);
            if (lrNoise != null) {
                if (lrNoise.isEmpty() || lrNoise.size() > 2) {
                    throw new IllegalArgumentException("lr_noise must hold one or two fractions, got " + lrNoise);
                }
                for (int i = 0; i < lrNoise.size(); i++) {
                    Checks.finite("lr_noise[" + i + "]", Checks.notNull("lr_noise[" + i + "]", lrNoise.get(i)));
                }
                if (lrNoise.size() == 2 && lrNoise.get(0) > lrNoise.get(1)) {
                    throw new IllegalArgumentException("lr_noise must be [start, end] with start <= end, got "
                            + lrNoise);
                }
            }
            Checks.between("lr_noise_pct", lrNoisePct, org.lr4j.noise.Noise.MIN_NORMAL_PCT, 1.0, "");
            Checks.finite("lr_noise_std", lrNoiseStd);
            Checks.positive("lr_cycle_mul", lrCycleMul);
            Checks.nonNegative("lr_cycle_decay", lrCycleDecay);
            Checks.nonNegative("lr_cycle_limit", lrCycleLimit);
            Checks.positive("lr_k_decay", lrKDecay);
            Checks.notNull("eval_metric", evalMetric);
            if (lr != null) {
                Checks.nonNegative("lr", lr);
            }
            Checks.nonNegative("lr_base", lrBase);
            Checks.positive("lr_base_size", lrBaseSize);
            if (lrBaseScale == null || !(lrBaseScale.isEmpty() || lrBaseScale.equals("linear")
                    || lrBaseScale.equals("sqrt"))) {
                throw new IllegalArgumentException("lr_base_scale must be linear, sqrt or empty, got " + lrBaseScale);
            }
            Checks.positive("batch_size", batchSize);
            Checks.notNull("opt", opt);
            if (lb != null) {
                Checks.finite("lb", lb);
            }
            if (ub != null) {
                Checks.finite("ub", ub);
            }
            if (lb != null && ub != null && !(lb < ub)) {
                throw new IllegalArgumentException("lb must be < ub, got lb=" + lb + ", ub=" + ub);
            }
            return new SchedulerConfig(this);
        }
    }
}
