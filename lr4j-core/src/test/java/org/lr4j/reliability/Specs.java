package org.lr4j.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.internal.replay.ReferenceCase;
import org.lr4j.python.TimmKwargs;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TimeScheduler;

/**
 * Randomly drawn valid scheduler configurations (jqwik arbitraries), as timm's keyword arguments plus
 * parameter groups, and the bounds each configuration implies for its learning rates.
 */
final class Specs {
    private Specs() {
    }

    /** A scheduler configuration: what {@code TimmKwargs.create} takes. */
    record Spec(String scheduler, Profile profile, Map<String, Object> kwargs, List<Object> groups) {
        /** A fresh scheduler on fresh groups. */
        LRScheduler build() {
            return TimmKwargs.create(scheduler, profile, kwargs, ReferenceCase.groups(groups));
        }

        /** {@link #build()} for a time-driven scheduler (every one but plateau). */
        TimeScheduler buildPure() {
            return (TimeScheduler) build();
        }

        boolean tInEpochs() {
            return !Boolean.FALSE.equals(kwargs.get("t_in_epochs"));
        }

        boolean noiseOn() {
            return kwargs.get("noise_range_t") != null;
        }

        double noisePct() {
            return num(kwargs, "noise_pct", 0.67);
        }

        /** As a reference case (the golden files' format) driving {@code t} with {@code metrics}. */
        Map<String, Object> asCase(List<Long> t, boolean onEpoch, List<Double> metrics) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", scheduler);
            c.put("timm", profile.label());
            c.put("scheduler", scheduler);
            c.put("kwargs", kwargs);
            c.put("param_groups", groups);
            c.put("drive", onEpoch ? "step" : "step_update");
            c.put("t", t);
            if (metrics != null) {
                List<Object> m = new ArrayList<>();
                for (Double d : metrics) {
                    m.add(d == null ? null : d.isNaN() ? "NaN" : d);
                }
                c.put("metrics", m);
            }
            return c;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // arbitraries

    /** A double in {@code [lo, hi]} with full precision (jqwik's default scale is 2 decimals). */
    static Arbitrary<Double> between(double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).ofScale(15);
    }

    /** {@code 10^e} for {@code e} uniform in {@code [loExp, hiExp]}. */
    static Arbitrary<Double> logUniform(double loExp, double hiExp) {
        return Arbitraries.doubles().between(loExp, hiExp).ofScale(9).map(e -> Math.pow(10, e));
    }

    /** {@code key: value} with the probability {@code 1 - absent}, else nothing (timm's default). */
    static Arbitrary<Map<String, Object>> opt(String key, Arbitrary<?> value, double absent) {
        Arbitrary<Map<String, Object>> entry = value.map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, v);
            return m;
        });
        return entry.injectNull(absent).map(m -> m == null ? new LinkedHashMap<>() : m);
    }

    static Arbitrary<Map<String, Object>> merged(List<Arbitrary<Map<String, Object>>> parts) {
        return Combinators.combine(parts).as(list -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map<String, Object> p : list) {
                m.putAll(p);
            }
            return m;
        });
    }

    static Arbitrary<Long> counts(long max) {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.longs().between(0, Math.min(max, 20))),
                Tuple.of(1, Arbitraries.longs().between(0, max)));
    }

    /** 1 to 3 groups: {@code lr}, sometimes {@code initial_lr} and {@code lr_scale}. */
    static Arbitrary<List<Object>> groups() {
        Arbitrary<Object> group = Combinators.combine(between(0, 1), between(0, 1).injectNull(0.7),
                between(0, 2).injectNull(0.6)).as((lr, initial, scale) -> {
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("lr", lr);
                    if (initial != null) {
                        g.put("initial_lr", initial);
                    }
                    if (scale != null) {
                        g.put("lr_scale", scale);
                    }
                    return g;
                });
        return group.list().ofMinSize(1).ofMaxSize(3);
    }

    /** {@code noise_range_t}: a number or a pair, anywhere from far below 0 to 2^62. */
    static Arbitrary<Object> noiseRange() {
        Arbitrary<Double> bound = Arbitraries.frequencyOf(Tuple.of(4, between(-5, 300)),
                Tuple.of(1, between(-1e6, 0x1.0p62)));
        Arbitrary<Object> number = bound.map(x -> x);
        Arbitrary<Object> pair = Combinators.combine(bound, bound).as((a, b) -> List.of(Math.min(a, b), Math.max(a, b)));
        return Arbitraries.oneOf(number, pair);
    }

    /** The noise arguments; {@code withType} adds {@code noise_type} (timm 0.4's tanh has none). */
    static Arbitrary<Map<String, Object>> noise(boolean withType) {
        Arbitrary<Map<String, Object>> typeAndPct = Combinators.combine(
                withType ? Arbitraries.of("normal", "uniform", "") : Arbitraries.just(""),
                Arbitraries.frequencyOf(Tuple.of(6, between(0.05, 1)), Tuple.of(1, logUniform(-3.9, -1.3)),
                        Tuple.of(1, Arbitraries.just(1.0))).injectNull(0.2))
                .as((type, pct) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (!type.isEmpty()) {
                        m.put("noise_type", type);
                    }
                    if (pct != null) {
                        m.put("noise_pct", pct);
                    }
                    return m;
                });
        return merged(List.of(opt("noise_range_t", noiseRange(), 0.4), typeAndPct,
                opt("noise_std", between(-10, 10), 0.8), opt("noise_seed", Arbitraries.longs(), 0.3)));
    }

    /** The warmup arguments; plateau has no prefix. */
    static Arbitrary<Map<String, Object>> warmup(boolean withPrefix) {
        List<Arbitrary<Map<String, Object>>> parts = new ArrayList<>();
        parts.add(opt("warmup_t", counts(1_000_000_000), 0.4));
        parts.add(opt("warmup_lr_init", Arbitraries.frequencyOf(Tuple.of(3, between(0, 1e-3)),
                Tuple.of(1, between(0, 1))), 0.3));
        if (withPrefix) {
            parts.add(opt("warmup_prefix", Arbitraries.of(true, false), 0.5));
        }
        return merged(parts);
    }

    static Arbitrary<Map<String, Object>> mode() {
        return merged(List.of(opt("t_in_epochs", Arbitraries.of(true, false), 0.5),
                opt("initialize", Arbitraries.of(true, false), 0.7)));
    }

    /** {@code cycle_decay} with {@code cycle_limit}: growth above 1 only over a bounded number of cycles. */
    static Arbitrary<Map<String, Object>> decayAndLimit(String decayName) {
        Arbitrary<Map<String, Object>> shrinking = merged(List.of(opt(decayName, between(0, 1), 0.3),
                opt("cycle_limit", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 6)),
                        Tuple.of(2, Arbitraries.longs().between(0, 1_000_000_000_000L))), 0.3)));
        Arbitrary<Map<String, Object>> growing = Combinators.combine(between(1, 3), Arbitraries.longs().between(1, 40))
                .as((d, l) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(decayName, d);
                    m.put("cycle_limit", l);
                    return m;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, shrinking), Tuple.of(1, growing));
    }

    static Arbitrary<Map<String, Object>> cyclic(boolean legacy) {
        Arbitrary<Object> tInitial = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.longs().between(1, 300)),
                Tuple.of(1, Arbitraries.longs().between(1, 1_000_000_000_000L))).map(x -> x);
        Arbitrary<Double> mul = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1.0)), Tuple.of(2, between(0.1, 4)),
                Tuple.of(1, Arbitraries.of(0.5, 1.5, 2.0, 3.0, 10.0)));
        Arbitrary<Double> lrMin = Arbitraries.frequencyOf(Tuple.of(3, between(0, 1e-3)), Tuple.of(1, between(0, 1)));
        return merged(List.of(opt("t_initial", tInitial, 0.0), opt("lr_min", lrMin, 0.4),
                opt(legacy ? "t_mul" : "cycle_mul", mul, 0.2), decayAndLimit(legacy ? "decay_rate" : "cycle_decay")));
    }

    static Arbitrary<Double> kDecay() {
        return Arbitraries.frequencyOf(Tuple.of(5, between(0.1, 4)), Tuple.of(1, between(4, 40)),
                Tuple.of(1, Arbitraries.of(1.0, 2.0)));
    }

    static Arbitrary<Map<String, Object>> tanhOwn() {
        return Combinators.combine(between(-10, 5), logUniform(-2, 1.2)).as((lb, width) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lb", lb);
            m.put("ub", lb + width);
            return m;
        }).injectNull(0.4).map(m -> m == null ? new LinkedHashMap<>() : m);
    }

    /** Valid configurations of {@code scheduler} (tanh, tanh-0.4, cosine, poly, step, multistep, plateau). */
    static Arbitrary<Spec> spec(String scheduler) {
        Arbitrary<Map<String, Object>> own = switch (scheduler) {
            case "tanh" -> merged(List.of(cyclic(false), tanhOwn(), warmup(true), noise(true), mode()));
            case "tanh-0.4" -> merged(List.of(cyclic(true), tanhOwn(), warmup(true), noise(false), mode()));
            case "cosine" -> merged(List.of(cyclic(false), opt("k_decay", kDecay(), 0.4), warmup(true), noise(true),
                    mode()));
            case "poly" -> merged(List.of(cyclic(false), opt("k_decay", kDecay(), 0.4),
                    opt("power", between(0, 5), 0.4), warmup(true), noise(true), mode()));
            case "step" -> merged(List.of(opt("decay_t", Arbitraries.frequencyOf(Tuple.of(4, between(0.5, 100)),
                    Tuple.of(1, logUniform(-3, 12))), 0.0), opt("decay_rate", between(0, 1), 0.3), warmup(true),
                    noise(true), mode()));
            case "multistep" -> merged(List.of(opt("decay_t", milestones(), 0.0),
                    opt("decay_rate", between(0, 2), 0.3), warmup(true), noise(true), mode()));
            case "plateau" -> merged(List.of(opt("decay_rate", between(0, 0.99), 0.3),
                    opt("patience_t", Arbitraries.longs().between(0, 5), 0.3),
                    opt("threshold", between(0, 0.1), 0.5), opt("cooldown_t", Arbitraries.longs().between(0, 3), 0.5),
                    opt("lr_min", between(0, 0.05), 0.4), opt("mode", Arbitraries.of("min", "max"), 0.3),
                    warmup(false), noise(true), opt("initialize", Arbitraries.of(true, false), 0.7)));
            default -> throw new IllegalArgumentException(scheduler);
        };
        boolean legacy = scheduler.equals("tanh-0.4");
        String name = legacy ? "tanh" : scheduler;
        Profile profile = legacy ? Profile.TIMM_0_4 : Profile.CURRENT;
        return Combinators.combine(own, groups()).as((k, g) -> new Spec(name, profile, k, withInitialLr(k, g)));
    }

    /**
     * Cyclic schedules with a very long series of cycles of changing length and fractional exponents:
     * where rounding at the cycle boundaries matters.
     */
    static Arbitrary<Spec> farCycles() {
        Arbitrary<Double> mul = Arbitraries.oneOf(between(0.1, 0.95), between(1.05, 4));
        return Combinators.combine(Arbitraries.of("tanh", "cosine", "poly"), Arbitraries.longs().between(1, 1000), mul,
                between(0, 1), between(0.1, 4), between(0.1, 3)).as((sched, tInitial, m, decay, k, power) -> {
                    Map<String, Object> kw = new LinkedHashMap<>();
                    kw.put("t_initial", tInitial);
                    kw.put("cycle_mul", m);
                    kw.put("cycle_decay", decay);
                    kw.put("cycle_limit", 1_000_000_000_000L);
                    if (!sched.equals("tanh")) {
                        kw.put("k_decay", k);
                    }
                    if (sched.equals("poly")) {
                        kw.put("power", power);
                    }
                    return new Spec(sched, Profile.CURRENT, kw, List.of(Map.of("lr", 0.1)));
                });
    }

    /** Every scheduler's configurations, plateau included. */
    static Arbitrary<Spec> anySpec() {
        return Arbitraries.oneOf(spec("tanh"), spec("tanh-0.4"), spec("cosine"), spec("poly"), spec("step"),
                spec("multistep"), spec("plateau"));
    }

    /** Every scheduler but plateau (those whose values are a function of {@code t}). */
    static Arbitrary<Spec> pureSpec() {
        return Arbitraries.oneOf(spec("tanh"), spec("tanh-0.4"), spec("cosine"), spec("poly"), spec("step"),
                spec("multistep"));
    }

    static Arbitrary<Object> milestones() {
        return Arbitraries.frequencyOf(Tuple.of(4, between(0, 300)), Tuple.of(1, between(0, 0x1.0p62)))
                .list().ofMaxSize(6).map(l -> {
                    List<Double> sorted = new ArrayList<>(l);
                    sorted.sort(null);
                    return sorted;
                });
    }

    /** With {@code initialize = false} every group needs {@code initial_lr}: take its {@code lr}. */
    private static List<Object> withInitialLr(Map<String, Object> kwargs, List<Object> groups) {
        if (!Boolean.FALSE.equals(kwargs.get("initialize"))) {
            return groups;
        }
        List<Object> out = new ArrayList<>();
        for (Object o : groups) {
            @SuppressWarnings("unchecked")
            Map<String, Object> g = new LinkedHashMap<>((Map<String, Object>) o);
            g.putIfAbsent("initial_lr", g.get("lr"));
            out.add(g);
        }
        return out;
    }

    /** Call arguments: mostly small, some large, some up to 2^62. */
    static Arbitrary<Long> ts() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.longs().between(0, 300)),
                Tuple.of(2, Arbitraries.longs().between(0, 10_000_000)),
                Tuple.of(2, Arbitraries.longs().between(0, 1L << 62)), Tuple.of(1, Arbitraries.just(1L << 62)));
    }

    /** Plateau's metrics: mostly numbers around a trend, sometimes NaN or none. */
    static Arbitrary<Double> metric() {
        return Arbitraries.frequencyOf(Tuple.of(12, between(0, 1)), Tuple.of(1, Arbitraries.just(Double.NaN)),
                Tuple.of(1, between(-1e6, 1e6))).injectNull(0.1);
    }

    // ---------------------------------------------------------------------------------------------
    // the bounds a configuration implies

    static double num(Map<String, Object> k, String key, double dflt) {
        Object v = k.get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    /** {@code x^e} over the exponents {@code 0..maxExp}: {min, max}. */
    static double[] powRange(double x, double maxExp) {
        if (x <= 1) {
            return new double[] {Double.isInfinite(maxExp) ? 0 : Math.pow(x, maxExp), 1};
        }
        return new double[] {1, Math.pow(x, maxExp)};
    }

    /**
     * The floor and the peak of the pure values (no noise, no {@code lr_scale}) of group base rate
     * {@code base} over every {@code t} in {@code [0, 2^62]}, derived from the configuration alone.
     */
    static double[] pureBounds(Spec s, double base) {
        Map<String, Object> k = s.kwargs();
        boolean legacy = s.profile() == Profile.TIMM_0_4;
        double lo;
        double hi;
        switch (s.scheduler()) {
            case "tanh", "cosine", "poly" -> {
                double lrMin = num(k, "lr_min", 0);
                double decay = num(k, legacy ? "decay_rate" : "cycle_decay", 1);
                double limit = num(k, "cycle_limit", legacy ? 0 : 1);
                if (!legacy && limit == 0) {
                    lo = lrMin;
                    hi = lrMin;
                } else {
                    // inside cycle i < cycle_limit: between lr_min (0.4: lr_min * decay^i) and base * decay^i;
                    // after the last cycle: lr_min (0.4: lr_min * decay^cycle_limit)
                    double[] g = powRange(decay, limit == 0 ? Double.POSITIVE_INFINITY : limit - 1);
                    double[] gm = legacy ? powRange(decay, limit == 0 ? Double.POSITIVE_INFINITY : limit)
                            : new double[] {1, 1};
                    lo = Math.min(base * g[0], lrMin * gm[0]);
                    hi = Math.max(base * g[1], lrMin * gm[1]);
                }
            }
            case "step" -> {
                double[] g = powRange(num(k, "decay_rate", 1), Math.floor(0x1.0p62 / num(k, "decay_t", 1)));
                lo = base * g[0];
                hi = base * g[1];
            }
            case "multistep" -> {
                double[] g = powRange(num(k, "decay_rate", 1), ((List<?>) k.get("decay_t")).size());
                lo = base * g[0];
                hi = base * g[1];
            }
            default -> throw new IllegalArgumentException(s.scheduler());
        }
        if (num(k, "warmup_t", 0) > 0) {
            // the ramp runs from warmup_lr_init to the target: base, or (tanh without prefix) the
            // schedule's own value, already inside [lo, hi]
            double wli = num(k, "warmup_lr_init", 0);
            lo = Math.min(lo, wli);
            hi = Math.max(hi, wli);
            if (!(s.scheduler().equals("tanh") && !Boolean.TRUE.equals(k.get("warmup_prefix")))) {
                lo = Math.min(lo, base);
                hi = Math.max(hi, base);
            }
        }
        return new double[] {lo, hi};
    }

    /** The bounds of what a step writes into group {@code g}: the pure bounds, noise and {@code lr_scale}. */
    static double[] writtenBounds(Spec s, double base, Double lrScale) {
        double[] b = pureBounds(s, base);
        return noiseAndScale(s, b, lrScale);
    }

    /**
     * Plateau's bounds for a group: decays never go below {@code min(lr, lr_min)}, the warmup writes
     * values between {@code warmup_lr_init} and the base, all scaled; noise on top.
     */
    static double[] plateauBounds(Spec s, double base, Double lrScale) {
        Map<String, Object> k = s.kwargs();
        double scale = lrScale == null ? 1 : lrScale;
        double wli = num(k, "warmup_lr_init", 0);
        double lo = Math.min(num(k, "lr_min", 0), Math.min(wli, base) * scale);
        double hi = Math.max(wli, base) * scale;
        return noiseAndScale(s, new double[] {lo, hi}, null);
    }

    private static double[] noiseAndScale(Spec s, double[] b, Double lrScale) {
        double lo = b[0];
        double hi = b[1];
        if (s.noiseOn()) {
            double pct = s.noisePct();
            lo *= 1 - pct;
            hi *= 1 + pct;
        }
        if (lrScale != null && s.profile() == Profile.CURRENT) {
            lo *= lrScale;
            hi *= lrScale;
        }
        return new double[] {lo, hi};
    }

    /** Whether {@code v} is finite and inside {@code [lo, hi]} up to rounding. */
    static boolean within(double v, double[] bounds) {
        double tol = 1e-12 * Math.max(Math.abs(bounds[0]), Math.abs(bounds[1])) + Double.MIN_NORMAL;
        return Double.isFinite(v) && v >= bounds[0] - tol && v <= bounds[1] + tol;
    }
}
