package org.lr4j.factory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lr4j.internal.Args;
import org.lr4j.internal.Checks;
import org.lr4j.noise.Noise;
import org.lr4j.schedule.Profile;

/**
 * One scheduler flag of timm's train.py (plus lr4j's {@code --lb}, {@code --ub}, {@code --timm}),
 * described once: its Python name, its command-line flag, its type, its default, its rule, its help and
 * the schedulers it applies to. Everything else is derived from these descriptions, as Caffeine's
 * builder is from a {@code CaffeineSpec}: {@link SchedulerConfig}'s storage, {@code fromArgs},
 * {@code toArgs} and validation, the command line's options and their help, the reading of an
 * {@code args.yaml}, and the table of flags in {@code docs/validation.md}. Adding a flag is adding one
 * constant here (and, for a typed accessor, one getter and one setter in {@link SchedulerConfig}).
 *
 * <p>Example (asserted by {@code SchedulerOptionTest}): {@code SchedulerOption.LR_CYCLE_MUL} has the
 * name {@code lr_cycle_mul}, the flag {@code --lr-cycle-mul}, the default {@code 1.0}, the rule
 * {@code > 0} and applies to cosine, tanh and poly. Immutable.
 *
 * @param <T> the value's type: {@link Long}, {@link Double}, {@link Boolean}, {@link String},
 *     {@code List<Double>} or {@link Profile}
 */
public final class SchedulerOption<T> {
    /** The value types of the options. */
    public enum Type {
        /** A whole number ({@link Long}). */
        INTEGER,
        /** A number ({@link Double}). */
        NUMBER,
        /** True or false ({@link Boolean}); a flag without a value on the command line means true. */
        BOOLEAN,
        /** A word ({@link String}). */
        TEXT,
        /** One or more numbers ({@code List<Double>}). */
        NUMBERS,
        /** A semantics profile ({@link Profile}: {@code current} or {@code 0.4}). */
        PROFILE
    }

    /** The valid {@code --sched} names, in train.py's order. */
    static final List<String> SCHEDULER_NAMES = List.of("cosine", "tanh", "step", "multistep", "plateau", "poly");
    /** Every scheduler, for options that apply to all. */
    private static final Set<String> ALL = Set.copyOf(SCHEDULER_NAMES);
    private static final Set<String> CYCLIC = Set.of("cosine", "tanh", "poly");
    private static final List<SchedulerOption<?>> OPTIONS = new ArrayList<>();

    /** A rule: its words for the documentation and its check, which throws naming the parameter. */
    private record Rule<T>(String text, Check<T> check) {
    }

    /** Fails with an {@code InvalidValueException} naming {@code name} when {@code value} breaks the rule. */
    @FunctionalInterface
    private interface Check<T> {
        void check(String name, T value);
    }

    private static final Rule<Long> WHOLE = new Rule<>("whole number", (n, v) -> { });
    private static final Rule<Long> WHOLE_POSITIVE = new Rule<>("whole number > 0", Checks::positive);
    private static final Rule<Long> WHOLE_NON_NEGATIVE = new Rule<>("whole number >= 0", Checks::nonNegative);
    private static final Rule<Double> POSITIVE = new Rule<>("> 0", Checks::positive);
    private static final Rule<Double> NON_NEGATIVE = new Rule<>(">= 0", Checks::nonNegative);
    private static final Rule<Double> FINITE = new Rule<>("finite", Checks::finite);
    private static final Rule<Boolean> BOOL = new Rule<>("true or false", (n, v) -> { });
    private static final Rule<String> ANY_TEXT = new Rule<>("any text", (n, v) -> { });

    // the flags, in train.py's order of validation; one declaration each

    /** {@code --sched}: the schedule. */
    public static final SchedulerOption<String> SCHED = add("sched", Type.TEXT, "NAME", "cosine", null, ALL,
            new Rule<>("one of " + String.join(", ", SCHEDULER_NAMES), (n, v) -> oneOf(n, v, SCHEDULER_NAMES)),
            "Schedule: cosine, tanh, step, multistep, plateau, poly.");
    /** {@code --epochs}: epochs to train; {@code t_initial}. */
    public static final SchedulerOption<Long> EPOCHS = add("epochs", Type.INTEGER, "N", 300L, null, ALL, WHOLE_POSITIVE,
            "Epochs to train; t_initial.");
    /** {@code --decay-epochs}: step's {@code decay_t}. */
    public static final SchedulerOption<Double> DECAY_EPOCHS = add("decay_epochs", Type.NUMBER, "N", 90.0, "90",
            Set.of("step"), POSITIVE, "step: epochs between decays; decay_t.");
    /** {@code --decay-milestones}: multistep's {@code decay_t}. */
    public static final SchedulerOption<List<Double>> DECAY_MILESTONES = add("decay_milestones", Type.NUMBERS, "N",
            List.of(90.0, 180.0, 270.0), "90 180 270", Set.of("multistep"), new Rule<>("sorted numbers >= 0",
            SchedulerOption::milestones), "multistep: sorted milestones.");
    /** {@code --warmup-epochs}: {@code warmup_t}. */
    public static final SchedulerOption<Long> WARMUP_EPOCHS = add("warmup_epochs", Type.INTEGER, "N", 5L, null, ALL,
            WHOLE_NON_NEGATIVE, "Warmup length; warmup_t.");
    /** {@code --cooldown-epochs}: epochs at {@code lr_min} after the cycles. */
    public static final SchedulerOption<Long> COOLDOWN_EPOCHS = add("cooldown_epochs", Type.INTEGER, "N", 0L, null,
            CYCLIC, WHOLE_NON_NEGATIVE, "Epochs at lr_min after the cycles.");
    /** {@code --patience-epochs}: plateau's {@code patience_t}. */
    public static final SchedulerOption<Long> PATIENCE_EPOCHS = add("patience_epochs", Type.INTEGER, "N", 10L, null,
            Set.of("plateau"), WHOLE_NON_NEGATIVE, "plateau: patience_t.");
    /** {@code --decay-rate}: step's, multistep's, plateau's decay factor; poly's {@code power}. */
    public static final SchedulerOption<Double> DECAY_RATE = add("decay_rate", Type.NUMBER, "R", 0.1, null,
            Set.of("step", "multistep", "plateau", "poly"), NON_NEGATIVE,
            "step/multistep/plateau: decay factor; poly: power.");
    /** {@code --min-lr}: {@code lr_min}. */
    public static final SchedulerOption<Double> MIN_LR = add("min_lr", Type.NUMBER, "LR", 0.0, "0",
            Set.of("cosine", "tanh", "poly", "plateau"), NON_NEGATIVE, "Floor of the schedule; lr_min.");
    /** {@code --warmup-lr}: {@code warmup_lr_init}. */
    public static final SchedulerOption<Double> WARMUP_LR = add("warmup_lr", Type.NUMBER, "LR", 1e-5, "1e-5", ALL,
            NON_NEGATIVE, "Warmup start; warmup_lr_init.");
    /**
     * {@code --warmup-prefix}: whether the schedule starts after the warmup. With {@code --timm 0.4} lr4j
     * passes it to tanh's {@code warmup_prefix}, which timm 0.4's train.py did not (an lr4j extension; the
     * default, false, is 0.4's).
     */
    public static final SchedulerOption<Boolean> WARMUP_PREFIX = add("warmup_prefix", Type.BOOLEAN, "BOOL", false, null,
            ALL, BOOL, "Start the schedule after the warmup (with --timm 0.4 too: lr4j passes it to 0.4's tanh,"
            + " 0.4's train.py did not).");
    /** {@code --lr-noise}: noise from a fraction of {@code t_initial}, or between two; none by default. */
    public static final SchedulerOption<List<Double>> LR_NOISE = add("lr_noise", Type.NUMBERS, "FRACTION", null,
            "none", ALL, new Rule<>("one or two finite fractions, start <= end", SchedulerOption::noiseFractions),
            "Noise from this fraction of t_initial, or between two fractions.");
    /** {@code --lr-noise-pct}: {@code noise_pct}. */
    public static final SchedulerOption<Double> LR_NOISE_PCT = add("lr_noise_pct", Type.NUMBER, "P", 0.67, null, ALL,
            new Rule<>("in [" + Noise.MIN_NORMAL_PCT + ", 1]", (n, v) -> Checks.between(n, v, Noise.MIN_NORMAL_PCT, 1.0, "")),
            "Noise bound; noise_pct.");
    /** {@code --lr-noise-std}: {@code noise_std}, without effect as in timm. */
    public static final SchedulerOption<Double> LR_NOISE_STD = add("lr_noise_std", Type.NUMBER, "S", 1.0, null, ALL,
            FINITE, "noise_std, no effect as in timm.");
    /** {@code --seed}: the seed, also {@code noise_seed}. */
    public static final SchedulerOption<Long> SEED = add("seed", Type.INTEGER, "N", 42L, null, ALL, WHOLE,
            "Seed, also noise_seed.");
    /** {@code --lr-cycle-mul}: {@code cycle_mul}. */
    public static final SchedulerOption<Double> LR_CYCLE_MUL = add("lr_cycle_mul", Type.NUMBER, "M", 1.0, null, CYCLIC,
            POSITIVE, "Cycle length multiplier; cycle_mul.");
    /**
     * The peak's decay per cycle: {@code cycle_decay}, or none for the profile's default (train.py's 0.5;
     * with {@code --timm 0.4}, tanh's {@code decay_rate} default 1.0), which {@link SchedulerConfig#toArgs()}
     * writes as the value in use. With {@code --timm 0.4} lr4j passes it to tanh's {@code decay_rate}, which
     * timm 0.4's train.py did not (an lr4j extension).
     */
    public static final SchedulerOption<Double> LR_CYCLE_DECAY = add("lr_cycle_decay", Type.NUMBER, "D", null,
            "0.5; 1.0 with --timm 0.4", CYCLIC, NON_NEGATIVE,
            "Peak decay per cycle; cycle_decay (with --timm 0.4: tanh's decay_rate, which lr4j passes and 0.4's"
            + " train.py did not).", p -> p == Profile.TIMM_0_4 ? 1.0 : 0.5);
    /** {@code --lr-cycle-limit}: {@code cycle_limit}. */
    public static final SchedulerOption<Long> LR_CYCLE_LIMIT = add("lr_cycle_limit", Type.INTEGER, "N", 1L, null,
            CYCLIC, WHOLE_NON_NEGATIVE, "Number of cycles; cycle_limit.");
    /** {@code --lr-k-decay}: cosine's and poly's {@code k_decay}. */
    public static final SchedulerOption<Double> LR_K_DECAY = add("lr_k_decay", Type.NUMBER, "K", 1.0, null,
            Set.of("cosine", "poly"), POSITIVE, "cosine/poly: k_decay.");
    /** {@code --sched-on-updates}: step the schedule on optimizer updates. */
    public static final SchedulerOption<Boolean> SCHED_ON_UPDATES = add("sched_on_updates", Type.BOOLEAN, "BOOL", false,
            null, ALL, BOOL, "Step the schedule on optimizer updates, not epochs.");
    /** {@code --eval-metric}: plateau minimises it when it contains {@code loss}. */
    public static final SchedulerOption<String> EVAL_METRIC = add("eval_metric", Type.TEXT, "NAME", "top1", null,
            Set.of("plateau"), ANY_TEXT, "Eval metric; plateau minimises it when it contains 'loss'.");
    /** {@code --lr}: the learning rate, or none to derive it (see {@link SchedulerConfig#effectiveLr()}). */
    public static final SchedulerOption<Double> LR = add("lr", Type.NUMBER, "LR", null,
            "derived from --lr-base and the batch size: 0.05", ALL, NON_NEGATIVE, "Learning rate.");
    /** {@code --lr-base}: the base learning rate for {@code --lr-base-size}. */
    public static final SchedulerOption<Double> LR_BASE = add("lr_base", Type.NUMBER, "LR", 0.1, null, ALL,
            NON_NEGATIVE, "Base learning rate for --lr-base-size.");
    /** {@code --lr-base-size}: the batch size of {@code --lr-base}. */
    public static final SchedulerOption<Double> LR_BASE_SIZE = add("lr_base_size", Type.NUMBER, "N", 256.0, "256", ALL,
            POSITIVE, "Batch size of --lr-base.");
    /** {@code --lr-base-scale}: how the batch ratio scales {@code --lr-base}. */
    public static final SchedulerOption<String> LR_BASE_SCALE = add("lr_base_scale", Type.TEXT, "linear|sqrt", "",
            "sqrt for ada*/lamb optimizers, else linear", ALL, new Rule<>("linear, sqrt or empty", (n, v) -> {
                if (!List.of("", "linear", "sqrt").contains(v)) {
                    throw Checks.invalid(n, "be linear, sqrt or empty", v);
                }
            }), "How the batch ratio scales --lr-base.");
    /** {@code --batch-size}. */
    public static final SchedulerOption<Long> BATCH_SIZE = add("batch_size", Type.INTEGER, "N", 128L, null, ALL,
            WHOLE_POSITIVE, "Batch size.");
    /** {@code --opt}: the optimizer's name. */
    public static final SchedulerOption<String> OPT = add("opt", Type.TEXT, "NAME", "sgd", null, ALL, ANY_TEXT,
            "Optimizer name.");
    /** {@code --lb}: tanh's lower bound, or none for the profile's default. */
    public static final SchedulerOption<Double> LB = add("lb", Type.NUMBER, "L", null, "-7; -6 with --timm 0.4",
            Set.of("tanh"), new Rule<>("finite, < ub", Checks::finite), "tanh: lower bound of the tanh interval.");
    /** {@code --ub}: tanh's upper bound, or none for the profile's default. */
    public static final SchedulerOption<Double> UB = add("ub", Type.NUMBER, "U", null, "3; 4 with --timm 0.4",
            Set.of("tanh"), FINITE, "tanh: upper bound of the tanh interval.");
    /** {@code --timm}: the semantics profile. */
    public static final SchedulerOption<Profile> TIMM = add("timm", Type.PROFILE, "VERSION", Profile.CURRENT, null,
            Set.of("tanh"), new Rule<>("current or 0.4", (n, v) -> { }),
            "Semantics: current or 0.4, the tutorial's timm (tanh only).");

    private final int index;
    private final String name;
    private final Type type;
    private final String paramLabel;
    private final T defaultValue;
    private final String defaultText;
    private final List<String> schedulers;
    private final Rule<T> rule;
    private final String help;
    /** The default by profile, for an option whose default depends on {@code --timm}; else null. */
    private final java.util.function.Function<Profile, T> profileDefault;

    private SchedulerOption(int index, String name, Type type, String paramLabel, T defaultValue, String defaultText,
            Set<String> schedulers, Rule<T> rule, String help, java.util.function.Function<Profile, T> profileDefault) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.paramLabel = paramLabel;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText != null ? defaultText : show(defaultValue);
        this.schedulers = SCHEDULER_NAMES.stream().filter(schedulers::contains).toList();
        this.rule = rule;
        this.help = help;
        this.profileDefault = profileDefault;
    }

    private static <T> SchedulerOption<T> add(String name, Type type, String paramLabel, T defaultValue,
            String defaultText, Set<String> schedulers, Rule<T> rule, String help) {
        return add(name, type, paramLabel, defaultValue, defaultText, schedulers, rule, help, null);
    }

    private static <T> SchedulerOption<T> add(String name, Type type, String paramLabel, T defaultValue,
            String defaultText, Set<String> schedulers, Rule<T> rule, String help,
            java.util.function.Function<Profile, T> profileDefault) {
        SchedulerOption<T> o = new SchedulerOption<>(OPTIONS.size(), name, type, paramLabel, defaultValue, defaultText,
                schedulers, rule, help, profileDefault);
        OPTIONS.add(o);
        return o;
    }

    /** {@return every option, in train.py's order (the order of {@link SchedulerConfig#toArgs()})} */
    public static List<SchedulerOption<?>> all() {
        return Collections.unmodifiableList(OPTIONS);
    }

    /**
     * The option of a Python name ({@code lr_cycle_mul}), if there is one.
     *
     * @param pythonName a train.py argument's name
     * @return the option, or empty for a name lr4j does not read ({@code model}, {@code data_dir}, ...)
     */
    public static Optional<SchedulerOption<?>> named(String pythonName) {
        for (SchedulerOption<?> o : OPTIONS) {
            if (o.name.equals(pythonName)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** {@return train.py's Python name: {@code lr_cycle_mul}} */
    public String name() {
        return name;
    }

    /** {@return the command-line flag: {@code --lr-cycle-mul}} */
    public String flag() {
        return "--" + name.replace('_', '-');
    }

    /** {@return the value's type} */
    public Type type() {
        return type;
    }

    /** {@return the placeholder of the value in help texts ({@code N}, {@code LR}, ...)} */
    public String paramLabel() {
        return paramLabel;
    }

    /** {@return train.py's default; null where there is none or it depends on {@code --timm} ({@code lr}, {@code lb}, {@code ub}, {@code lr_noise}, the cycle decay)} */
    public T defaultValue() {
        return defaultValue;
    }

    /** {@return the default in words, as help texts show it ({@code 0.5}, {@code 90 180 270}, {@code none})} */
    public String defaultText() {
        return defaultText;
    }

    /** {@return the rule a value must keep, in words ({@code >= 0}, {@code whole number > 0})} */
    public String rule() {
        return rule.text();
    }

    /** {@return the help text, without the default} */
    public String help() {
        return help;
    }

    /** {@return the {@code --sched} names this option applies to, in train.py's order} */
    public List<String> schedulers() {
        return schedulers;
    }

    /** {@return whether the option may hold no value (train.py's {@code None})} */
    public boolean optional() {
        return defaultValue == null;
    }

    /** The default under {@code profile} of an option whose default depends on {@code --timm}; else null. */
    T profileDefault(Profile profile) {
        return profileDefault == null ? null : profileDefault.apply(profile);
    }

    int index() {
        return index;
    }

    /**
     * The value of a loosely typed argument (a parsed YAML or JSON value, or a string) as this option's
     * type.
     *
     * @param value a number, boolean, string or list, as YAML or JSON reads it, or a string to parse
     * @return the value as this option's type (a {@code long} 3 for {@code 3.0} where a whole number is wanted)
     * @throws org.lr4j.schedule.InvalidValueException naming this option when the value has the wrong type
     * @throws NullPointerException when {@code value} is null
     */
    @SuppressWarnings("unchecked")
    public T convert(Object value) {
        Checks.notNull(name, value);
        return (T) switch (type) {
            case INTEGER -> Args.integer(name, value);
            case NUMBER -> Args.number(name, value);
            case BOOLEAN -> Args.bool(name, value);
            case TEXT -> Args.string(name, value);
            case NUMBERS -> Args.numbers(name, value);
            case PROFILE -> value instanceof Profile p ? p : Profile.fromLabel(String.valueOf(value));
        };
    }

    /**
     * Checks a value of this option against its rule.
     *
     * @param value the value, or null for none
     * @throws org.lr4j.schedule.InvalidValueException naming this option when the value breaks the rule
     * @throws NullPointerException when {@code value} is null and the option is not optional
     */
    public void check(T value) {
        if (value == null) {
            if (!optional()) {
                throw new NullPointerException(name + " must be given, got null");
            }
            return;
        }
        rule.check().check(name, value);
    }

    /** The value as train.py's args hold it ({@link Profile} by its label). */
    Object toArg(T value) {
        return value instanceof Profile p ? p.label() : value;
    }

    @Override
    public String toString() {
        return flag();
    }

    private static String show(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object x : l) {
                b.append(b.length() == 0 ? "" : " ").append(x);
            }
            return b.toString();
        }
        if (v instanceof Profile p) {
            return p.label();
        }
        return String.valueOf(v);
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Checks.invalid(name, "be one of " + String.join(", ", allowed), value);
        }
    }

    private static void milestones(String name, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            Double m = values.get(i);
            if (m == null) {
                throw Checks.invalid(name + "[" + i + "]", "be a number", "null");
            }
            Checks.nonNegative(name + "[" + i + "]", m);
            if (i > 0 && m < values.get(i - 1)) {
                throw Checks.invalid(name, "be sorted ascending", values);
            }
        }
    }

    private static void noiseFractions(String name, List<Double> values) {
        if (values.isEmpty() || values.size() > 2) {
            throw Checks.invalid(name, "hold one or two fractions", values);
        }
        for (int i = 0; i < values.size(); i++) {
            Checks.finite(name + "[" + i + "]", Checks.notNull(name + "[" + i + "]", values.get(i)));
        }
        if (values.size() == 2 && values.get(0) > values.get(1)) {
            throw Checks.invalid(name, "be [start, end] with start <= end", values);
        }
    }

}
