package org.lr4j.python;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Args;
import org.lr4j.internal.Checks;
import org.lr4j.noise.NoiseRange;
import org.lr4j.noise.NoiseType;
import org.lr4j.schedule.AbstractLRScheduler;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PlateauLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * Builds a scheduler from a timm constructor call's keyword arguments by their Python names
 * ({@code TanhLRScheduler(optimizer, t_initial=50, t_mul=2.0)} becomes
 * {@code create("tanh", Profile.TIMM_0_4, Map.of("t_initial", 50, "t_mul", 2.0), groups)}), so Python
 * code and reference cases carry over as they are.
 */
public final class TimmKwargs {
    private static final Set<String> COMMON = Set.of("t_in_epochs", "noise_range_t", "noise_pct", "noise_std",
            "noise_seed", "noise_type", "initialize", "warmup_t", "warmup_lr_init", "warmup_prefix");
    private static final Set<String> CYCLIC = Set.of("t_initial", "lr_min", "cycle_mul", "cycle_decay",
            "cycle_limit");

    private TimmKwargs() {
    }

    /**
     * The scheduler {@code timm.scheduler.<Name>LRScheduler(optimizer, **kwargs)} would be.
     *
     * @param scheduler {@code tanh}, {@code cosine}, {@code poly}, {@code step}, {@code multistep} or
     *     {@code plateau}
     * @param profile which timm's names and defaults ({@code t_mul}, {@code decay_rate} for tanh in 0.4)
     * @param kwargs the keyword arguments by timm's Python names ({@code t_initial}, {@code lb}, ...): numbers, booleans, strings, lists of numbers
     * @param groups the optimizer's groups, which the scheduler writes at once as timm's constructor does
     * @return the scheduler, built
     * @throws IllegalArgumentException for an unknown scheduler or argument, a value of the wrong type,
     *     or a value its scheduler refuses
     */
    public static LRScheduler create(String scheduler, Profile profile, Map<String, ?> kwargs, ParamGroups groups) {
        Checks.notNull("kwargs", kwargs);
        Checks.notNull("profile", profile);
        if (profile == Profile.TIMM_0_4 && !"tanh".equals(scheduler)) {
            throw Checks.invalid("timm", "be current for " + scheduler + " (the 0.4 profile covers tanh only)", "0.4");
        }
        return switch (scheduler == null ? "" : scheduler) {
            case "tanh" -> tanh(profile, kwargs, groups);
            case "cosine" -> {
                allow(scheduler, kwargs, CYCLIC, Set.of("k_decay"));
                CosineLRScheduler.Builder b = CosineLRScheduler.builder(groups, integer(kwargs, "t_initial"));
                if (kwargs.containsKey("k_decay")) {
                    b.kDecay(num(kwargs, "k_decay"));
                }
                yield common(cyclic(b, kwargs), kwargs).build();
            }
            case "poly" -> {
                allow(scheduler, kwargs, CYCLIC, Set.of("k_decay", "power"));
                PolyLRScheduler.Builder b = PolyLRScheduler.builder(groups, integer(kwargs, "t_initial"));
                if (kwargs.containsKey("k_decay")) {
                    b.kDecay(num(kwargs, "k_decay"));
                }
                if (kwargs.containsKey("power")) {
                    b.power(num(kwargs, "power"));
                }
                yield common(cyclic(b, kwargs), kwargs).build();
            }
            case "step" -> {
                allow(scheduler, kwargs, Set.of("decay_t", "decay_rate"), Set.of());
                StepLRScheduler.Builder b = StepLRScheduler.builder(groups, num(kwargs, "decay_t"));
                if (kwargs.containsKey("decay_rate")) {
                    b.decayRate(num(kwargs, "decay_rate"));
                }
                yield common(b, kwargs).build();
            }
            case "multistep" -> {
                allow(scheduler, kwargs, Set.of("decay_t", "decay_rate"), Set.of());
                MultiStepLRScheduler.Builder b = MultiStepLRScheduler.builder(groups,
                        Args.numbers("decay_t", required(kwargs, "decay_t")));
                if (kwargs.containsKey("decay_rate")) {
                    b.decayRate(num(kwargs, "decay_rate"));
                }
                yield common(b, kwargs).build();
            }
            case "plateau" -> {
                allow(scheduler, kwargs, Set.of("decay_rate", "patience_t", "threshold", "cooldown_t", "lr_min",
                        "mode", "verbose"), Set.of());
                PlateauLRScheduler.Builder b = PlateauLRScheduler.builder(groups);
                if (kwargs.containsKey("decay_rate")) {
                    b.decayRate(num(kwargs, "decay_rate"));
                }
                if (kwargs.containsKey("patience_t")) {
                    b.patienceT(integer(kwargs, "patience_t"));
                }
                if (kwargs.containsKey("threshold")) {
                    b.threshold(num(kwargs, "threshold"));
                }
                if (kwargs.containsKey("cooldown_t")) {
                    b.cooldownT(integer(kwargs, "cooldown_t"));
                }
                if (kwargs.containsKey("lr_min")) {
                    b.lrMin(num(kwargs, "lr_min"));
                }
                if (kwargs.containsKey("mode")) {
                    b.mode(PlateauLRScheduler.Mode.fromTimmName(Args.string("mode", kwargs.get("mode"))));
                }
                yield common(b, kwargs).build();
            }
            default -> throw Checks.invalid("scheduler", "be one of " + String.join(", ", SchedulerConfig.SCHEDULERS),
                    scheduler);
        };
    }

    private static TanhLRScheduler tanh(Profile profile, Map<String, ?> kwargs, ParamGroups groups) {
        boolean legacy = profile == Profile.TIMM_0_4;
        allow("tanh", kwargs, Set.of("t_initial", "lr_min", "cycle_limit", "lb", "ub"),
                legacy ? Set.of("t_mul", "decay_rate") : Set.of("cycle_mul", "cycle_decay"));
        if (legacy && kwargs.containsKey("noise_type")) {
            throw Checks.invalid("noise_type", "not be given for timm 0.4's tanh (it has no such argument)",
                    Args.describe(kwargs.get("noise_type")));
        }
        TanhLRScheduler.Builder b = TanhLRScheduler.builder(groups, integer(kwargs, "t_initial")).profile(profile);
        if (kwargs.containsKey("lb")) {
            b.lb(num(kwargs, "lb"));
        }
        if (kwargs.containsKey("ub")) {
            b.ub(num(kwargs, "ub"));
        }
        String mul = legacy ? "t_mul" : "cycle_mul";
        String decay = legacy ? "decay_rate" : "cycle_decay";
        if (kwargs.containsKey(mul)) {
            b.cycleMul(num(kwargs, mul));
        }
        if (kwargs.containsKey(decay)) {
            b.cycleDecay(num(kwargs, decay));
        }
        if (kwargs.containsKey("lr_min")) {
            b.lrMin(num(kwargs, "lr_min"));
        }
        if (kwargs.containsKey("cycle_limit")) {
            b.cycleLimit(integer(kwargs, "cycle_limit"));
        }
        common(b, kwargs);
        try {
            return b.build();
        } catch (InvalidValueException e) {
            // the builder speaks current timm's names; name the argument as the 0.4 caller wrote it
            if (legacy && e.parameter().equals("cycle_mul")) {
                throw e.named("t_mul");
            }
            if (legacy && e.parameter().equals("cycle_decay")) {
                throw e.named("decay_rate");
            }
            throw e;
        }
    }

    private static <B extends CyclicLRScheduler.CycleBuilder<B, ?>> B cyclic(B b, Map<String, ?> kwargs) {
        if (kwargs.containsKey("lr_min")) {
            b.lrMin(num(kwargs, "lr_min"));
        }
        if (kwargs.containsKey("cycle_mul")) {
            b.cycleMul(num(kwargs, "cycle_mul"));
        }
        if (kwargs.containsKey("cycle_decay")) {
            b.cycleDecay(num(kwargs, "cycle_decay"));
        }
        if (kwargs.containsKey("cycle_limit")) {
            b.cycleLimit(integer(kwargs, "cycle_limit"));
        }
        return b;
    }

    private static <B extends AbstractLRScheduler.Builder<B, ?>> B common(B b, Map<String, ?> kwargs) {
        if (kwargs.containsKey("t_in_epochs")) {
            b.tInEpochs(Args.bool("t_in_epochs", kwargs.get("t_in_epochs")));
        }
        if (kwargs.containsKey("warmup_t")) {
            b.warmupT(integer(kwargs, "warmup_t"));
        }
        if (kwargs.containsKey("warmup_lr_init")) {
            b.warmupLrInit(num(kwargs, "warmup_lr_init"));
        }
        if (kwargs.containsKey("warmup_prefix")) {
            b.warmupPrefix(Args.bool("warmup_prefix", kwargs.get("warmup_prefix")));
        }
        if (kwargs.containsKey("initialize")) {
            b.initialize(Args.bool("initialize", kwargs.get("initialize")));
        }
        Object range = kwargs.get("noise_range_t");
        if (range != null) {
            List<Double> r = Args.numbers("noise_range_t", range);
            if (r.size() == 1) {
                b.noiseRangeT(NoiseRange.from(r.get(0)));
            } else if (r.size() == 2) {
                b.noiseRangeT(NoiseRange.between(r.get(0), r.get(1)));
            } else {
                throw Checks.invalid("noise_range_t", "be a number or a pair", range);
            }
        }
        if (kwargs.containsKey("noise_pct")) {
            b.noisePct(num(kwargs, "noise_pct"));
        }
        if (kwargs.containsKey("noise_std")) {
            b.noiseStd(num(kwargs, "noise_std"));
        }
        if (kwargs.get("noise_seed") != null) {
            b.noiseSeed(integer(kwargs, "noise_seed"));
        }
        if (kwargs.get("noise_type") != null) {
            b.noiseType(NoiseType.fromTimmName(Args.string("noise_type", kwargs.get("noise_type"))));
        }
        return b;
    }

    private static void allow(String scheduler, Map<String, ?> kwargs, Set<String> own, Set<String> extra) {
        for (String k : kwargs.keySet()) {
            if (!COMMON.contains(k) && !own.contains(k) && !extra.contains(k)) {
                throw new IllegalArgumentException(k + " is not an argument of the " + scheduler + " scheduler");
            }
        }
    }

    private static Object required(Map<String, ?> kwargs, String name) {
        Object v = kwargs.get(name);
        if (v == null) {
            throw Checks.invalid(name, "be given", "none");
        }
        return v;
    }

    private static double num(Map<String, ?> kwargs, String name) {
        return Args.number(name, required(kwargs, name));
    }

    private static long integer(Map<String, ?> kwargs, String name) {
        return Args.integer(name, required(kwargs, name));
    }
}
