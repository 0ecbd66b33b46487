package org.lr4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.internal.replay.ReferenceCase;
import org.lr4j.python.TimmKwargs;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;

/**
 * Every row of {@code docs/validation.md}: a bad value of one parameter, refused with exactly the
 * message the table gives. The rows are data here; {@link #docsListExactlyTheseRows()} checks that the
 * document lists the same rows, no more and no fewer.
 */
class ValidationTableTest {
    static final List<String> SCHEDULERS = List.of("tanh", "cosine", "poly", "step", "multistep", "plateau");
    static final String ALL = "all";
    static final String CYCLIC = "tanh, cosine, poly";
    static final String PURE = "all but plateau";
    static final String FLAGS = "train.py flags";

    /**
     * One table row.
     *
     * @param schedulers the schedulers it applies to ({@link #ALL}, {@link #PURE}, or comma-separated
     *     names), or {@link #FLAGS}
     * @param parameter the parameter, by timm's name
     * @param value the bad value as the table shows it
     * @param message the exact message
     * @param action what to run for one scheduler name
     */
    record Row(String schedulers, String parameter, String value, String message,
            Function<String, Executable> action) {
        String key() {
            return schedulers + " | " + parameter + " | " + value + " | " + message;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // how a row is tried

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    /** Valid keyword arguments of each scheduler, to which a row adds its bad value. */
    static Map<String, Object> base(String sched) {
        return switch (sched) {
            case "tanh", "cosine", "poly" -> m("t_initial", 10);
            case "step" -> m("decay_t", 3);
            case "multistep" -> m("decay_t", List.of(3, 6));
            case "plateau" -> m();
            default -> throw new AssertionError(sched);
        };
    }

    static List<Object> oneGroup() {
        return List.of(m("lr", 0.1));
    }

    static LRScheduler create(String sched, Map<String, Object> kwargs, List<Object> groups) {
        return TimmKwargs.create(sched, Profile.CURRENT, kwargs, ReferenceCase.groups(groups));
    }

    /** The scheduler's keyword arguments with {@code kv} added (a null value removes the key). */
    static Function<String, Executable> kw(Object... kv) {
        return sched -> () -> {
            Map<String, Object> k = base(sched);
            for (int i = 0; i < kv.length; i += 2) {
                if (kv[i + 1] == null) {
                    k.remove((String) kv[i]);
                } else {
                    k.put((String) kv[i], kv[i + 1]);
                }
            }
            create(sched, k, oneGroup());
        };
    }

    /** timm 0.4's tanh with {@code t_initial = 10} and {@code kv}. */
    static Function<String, Executable> legacy(Object... kv) {
        return sched -> () -> {
            Map<String, Object> k = m("t_initial", 10);
            k.putAll(m(kv));
            TimmKwargs.create(sched, Profile.TIMM_0_4, k, ReferenceCase.groups(oneGroup()));
        };
    }

    /** The scheduler on these groups, with keyword arguments {@code kv} added. */
    static Function<String, Executable> groups(List<Object> groups, Object... kv) {
        return sched -> () -> {
            Map<String, Object> k = base(sched);
            k.putAll(m(kv));
            create(sched, k, groups);
        };
    }

    /** A call on a valid scheduler. */
    static Function<String, Executable> call(Consumer<LRScheduler> c) {
        return sched -> () -> c.accept(create(sched, base(sched), oneGroup()));
    }

    /** A state made from a valid scheduler's own, restored into a fresh one on {@code groups}. */
    static Function<String, Executable> restore(List<Object> groups, Function<SchedulerState, SchedulerState> edit) {
        return sched -> () -> {
            SchedulerState s = create(sched, base(sched), groups).state();
            create(sched, base(sched), groups).restore(edit.apply(s));
        };
    }

    /** train.py's flags (by their Python names) through the factory, 10 updates per epoch. */
    static Function<String, Executable> flags(Object... kv) {
        return flagsPerEpoch(10, kv);
    }

    static Function<String, Executable> flagsPerEpoch(long updatesPerEpoch, Object... kv) {
        return ignored -> () -> SchedulerFactory.create(SchedulerConfig.fromArgs(m(kv)), ParamGroupList.of(0.1),
                updatesPerEpoch);
    }

    static List<Double> list(double... v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;

    // ---------------------------------------------------------------------------------------------
    // the rows

    static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        // scheduler arguments shared by every scheduler
        r.add(new Row(ALL, "warmup_t", "-1", "warmup_t must be >= 0, got -1", kw("warmup_t", -1)));
        r.add(new Row(ALL, "warmup_t", "2.5", "warmup_t must be a whole number, got 2.5", kw("warmup_t", 2.5)));
        r.add(new Row(ALL, "warmup_lr_init", "-1e-5", "warmup_lr_init must be >= 0, got -1.0E-5",
                kw("warmup_t", 3, "warmup_lr_init", -1e-5)));
        r.add(new Row(ALL, "warmup_lr_init", "NaN", "warmup_lr_init must be a finite number, got NaN",
                kw("warmup_t", 3, "warmup_lr_init", NAN)));
        r.add(new Row(ALL, "noise_range_t", "NaN", "noise_range_t must be a finite number, got NaN",
                kw("noise_range_t", NAN)));
        r.add(new Row(ALL, "noise_range_t", "[20, 10]",
                "noise_range_t must be [start, end] with start <= end, got [20.0, 10.0]",
                kw("noise_range_t", List.of(20, 10))));
        r.add(new Row(ALL, "noise_range_t", "[1, 2, 3]", "noise_range_t must be a number or a pair, got [1, 2, 3]",
                kw("noise_range_t", List.of(1, 2, 3))));
        r.add(new Row(ALL, "noise_range_t", "[]", "noise_range_t must be a number or a pair, got []",
                kw("noise_range_t", List.of())));
        r.add(new Row(ALL, "noise_pct", "0 (normal noise on)",
                "noise_pct must be in [1.0E-4, 1.0] for normal noise, got 0.0", kw("noise_range_t", 0, "noise_pct", 0)));
        r.add(new Row(ALL, "noise_pct", "-0.5 (normal noise on)",
                "noise_pct must be in [1.0E-4, 1.0] for normal noise, got -0.5",
                kw("noise_range_t", 0, "noise_pct", -0.5)));
        r.add(new Row(ALL, "noise_pct", "1e-6 (normal noise on)",
                "noise_pct must be in [1.0E-4, 1.0] for normal noise, got 1.0E-6",
                kw("noise_range_t", 0, "noise_pct", 1e-6)));
        r.add(new Row(ALL, "noise_pct", "1.5 (normal noise on)",
                "noise_pct must be in [1.0E-4, 1.0] for normal noise, got 1.5",
                kw("noise_range_t", 0, "noise_pct", 1.5)));
        r.add(new Row(ALL, "noise_pct", "NaN (normal noise on)",
                "noise_pct must be in [1.0E-4, 1.0] for normal noise, got NaN",
                kw("noise_range_t", 0, "noise_pct", NAN)));
        r.add(new Row(ALL, "noise_pct", "-0.1 (uniform noise on)",
                "noise_pct must be in [0.0, 1.0] for uniform noise, got -0.1",
                kw("noise_range_t", 0, "noise_type", "uniform", "noise_pct", -0.1)));
        r.add(new Row(ALL, "noise_pct", "1.5 (uniform noise on)",
                "noise_pct must be in [0.0, 1.0] for uniform noise, got 1.5",
                kw("noise_range_t", 0, "noise_type", "uniform", "noise_pct", 1.5)));
        r.add(new Row(ALL, "noise_pct", "NaN (uniform noise on)",
                "noise_pct must be in [0.0, 1.0] for uniform noise, got NaN",
                kw("noise_range_t", 0, "noise_type", "uniform", "noise_pct", NAN)));
        r.add(new Row(ALL, "noise_pct", "NaN (no noise)", "noise_pct must be a finite number, got NaN",
                kw("noise_pct", NAN)));
        r.add(new Row(ALL, "noise_std", "inf", "noise_std must be a finite number, got Infinity",
                kw("noise_std", INF)));
        r.add(new Row(ALL, "noise_seed", "1.5", "noise_seed must be a whole number, got 1.5", kw("noise_seed", 1.5)));
        r.add(new Row(ALL, "noise_type", "\"gaussian\"", "noise_type must be normal or uniform, got gaussian",
                kw("noise_type", "gaussian")));
        r.add(new Row(ALL, "t_in_epochs", "\"yes\"", "t_in_epochs must be true or false, got \"yes\"",
                kw("t_in_epochs", "yes")));
        r.add(new Row(ALL, "warmup_prefix", "\"yes\"", "warmup_prefix must be true or false, got \"yes\"",
                kw("warmup_prefix", "yes")));
        r.add(new Row(ALL, "initialize", "\"no\"", "initialize must be true or false, got \"no\"",
                kw("initialize", "no")));
        // cyclic schedulers
        r.add(new Row(CYCLIC, "t_initial", "0", "t_initial must be > 0, got 0", kw("t_initial", 0)));
        r.add(new Row(CYCLIC, "t_initial", "2.5", "t_initial must be a whole number, got 2.5", kw("t_initial", 2.5)));
        r.add(new Row(CYCLIC, "t_initial", "(missing)", "t_initial must be given, got none", kw("t_initial", null)));
        r.add(new Row(CYCLIC, "lr_min", "-1e-5", "lr_min must be >= 0, got -1.0E-5", kw("lr_min", -1e-5)));
        r.add(new Row(CYCLIC, "lr_min", "inf", "lr_min must be a finite number, got Infinity", kw("lr_min", INF)));
        r.add(new Row(CYCLIC, "cycle_mul", "0", "cycle_mul must be > 0, got 0.0", kw("cycle_mul", 0)));
        r.add(new Row(CYCLIC, "cycle_mul", "-1", "cycle_mul must be > 0, got -1.0", kw("cycle_mul", -1)));
        r.add(new Row(CYCLIC, "cycle_mul", "NaN", "cycle_mul must be a finite number, got NaN", kw("cycle_mul", NAN)));
        r.add(new Row(CYCLIC, "cycle_decay", "-0.5", "cycle_decay must be >= 0, got -0.5", kw("cycle_decay", -0.5)));
        r.add(new Row(CYCLIC, "cycle_decay", "NaN", "cycle_decay must be a finite number, got NaN",
                kw("cycle_decay", NAN)));
        r.add(new Row(CYCLIC, "cycle_decay", "2 (cycle_limit=2000)",
                "cycle_decay must stay <= 1, or its power for the last cycle any t < 2^63 reaches finite, got 2.0",
                kw("cycle_decay", 2, "cycle_limit", 2000)));
        r.add(new Row(CYCLIC, "cycle_limit", "-1", "cycle_limit must be >= 0, got -1", kw("cycle_limit", -1)));
        r.add(new Row(CYCLIC, "cycle_limit", "1.5", "cycle_limit must be a whole number, got 1.5",
                kw("cycle_limit", 1.5)));
        r.add(new Row("tanh", "lb", "NaN", "lb must be a finite number, got NaN", kw("lb", NAN)));
        r.add(new Row("tanh", "ub", "inf", "ub must be a finite number, got Infinity", kw("ub", INF)));
        r.add(new Row("tanh", "lb", "3 (ub=3)", "lb must be < ub, got lb=3.0, ub=3.0", kw("lb", 3, "ub", 3)));
        r.add(new Row("tanh", "warmup_epochs", "5", "warmup_epochs is not an argument of the tanh scheduler",
                kw("warmup_epochs", 5)));
        r.add(new Row("tanh", "t_mul (timm 0.4)", "0", "t_mul must be > 0, got 0.0", legacy("t_mul", 0)));
        r.add(new Row("tanh", "decay_rate (timm 0.4)", "2 (unlimited cycles)",
                "decay_rate must stay <= 1, or its power for the last cycle any t < 2^63 reaches finite, got 2.0",
                legacy("decay_rate", 2)));
        r.add(new Row("tanh", "noise_type (timm 0.4)", "\"uniform\"",
                "noise_type must not be given for timm 0.4's tanh (it has no such argument), got \"uniform\"",
                legacy("noise_type", "uniform")));
        r.add(new Row("cosine", "timm", "\"0.4\"", "timm must be current for cosine (the 0.4 profile covers tanh only),"
                + " got 0.4", legacy()));
        r.add(new Row("cosine, poly", "k_decay", "0", "k_decay must be > 0, got 0.0", kw("k_decay", 0)));
        r.add(new Row("cosine, poly", "k_decay", "-1", "k_decay must be > 0, got -1.0", kw("k_decay", -1)));
        r.add(new Row("poly", "power", "-1", "power must be >= 0, got -1.0", kw("power", -1)));
        r.add(new Row("poly", "power", "NaN", "power must be a finite number, got NaN", kw("power", NAN)));
        // step and multistep
        r.add(new Row("step", "decay_t", "0", "decay_t must be > 0, got 0.0", kw("decay_t", 0)));
        r.add(new Row("step", "decay_t", "-30", "decay_t must be > 0, got -30.0", kw("decay_t", -30)));
        r.add(new Row("step", "decay_t", "inf", "decay_t must be a finite number, got Infinity", kw("decay_t", INF)));
        r.add(new Row("step", "decay_t", "(missing)", "decay_t must be given, got none", kw("decay_t", null)));
        r.add(new Row("step", "decay_rate", "-0.5", "decay_rate must be >= 0, got -0.5", kw("decay_rate", -0.5)));
        r.add(new Row("step", "decay_rate", "1.1 (decay_t=3)",
                "decay_rate must stay <= 1, or its power for the most decays any t < 2^63 reaches finite, got 1.1",
                kw("decay_rate", 1.1)));
        r.add(new Row("multistep", "decay_t", "[6, 3]", "decay_t must be sorted ascending, got [6.0, 3.0] (3.0 after 6.0)",
                kw("decay_t", List.of(6, 3))));
        r.add(new Row("multistep", "decay_t", "[-3, 6]", "decay_t[0] must be >= 0, got -3.0",
                kw("decay_t", List.of(-3, 6))));
        r.add(new Row("multistep", "decay_t", "[3, NaN]", "decay_t[1] must be a finite number, got NaN",
                kw("decay_t", List.of(3, NAN))));
        r.add(new Row("multistep", "decay_t", "(missing)", "decay_t must be given, got none", kw("decay_t", null)));
        r.add(new Row("multistep", "decay_rate", "-0.5", "decay_rate must be >= 0, got -0.5", kw("decay_rate", -0.5)));
        r.add(new Row("multistep", "decay_rate", "1e200 (2 milestones)",
                "decay_rate must stay <= 1, or its power for all 2 milestones finite, got 1.0E200",
                kw("decay_rate", 1e200)));
        // plateau
        r.add(new Row("plateau", "decay_rate", "1", "decay_rate must be < 1 for plateau, got 1.0", kw("decay_rate", 1)));
        r.add(new Row("plateau", "decay_rate", "-0.5", "decay_rate must be >= 0, got -0.5", kw("decay_rate", -0.5)));
        r.add(new Row("plateau", "decay_rate", "NaN", "decay_rate must be a finite number, got NaN",
                kw("decay_rate", NAN)));
        r.add(new Row("plateau", "patience_t", "-1", "patience_t must be >= 0, got -1", kw("patience_t", -1)));
        r.add(new Row("plateau", "threshold", "-0.1", "threshold must be >= 0, got -0.1", kw("threshold", -0.1)));
        r.add(new Row("plateau", "threshold", "NaN", "threshold must be a finite number, got NaN",
                kw("threshold", NAN)));
        r.add(new Row("plateau", "cooldown_t", "-1", "cooldown_t must be >= 0, got -1", kw("cooldown_t", -1)));
        r.add(new Row("plateau", "lr_min", "-1e-5", "lr_min must be >= 0, got -1.0E-5", kw("lr_min", -1e-5)));
        r.add(new Row("plateau", "mode", "\"maximum\"", "mode must be min or max, got maximum", kw("mode", "maximum")));
        r.add(new Row("plateau", "t_in_epochs", "false",
                "t_in_epochs must be true for plateau (it steps on epochs only), got false", kw("t_in_epochs", false)));
        r.add(new Row("plateau", "warmup_prefix", "true",
                "warmup_prefix must be false for plateau (it has no prefix), got true", kw("warmup_prefix", true)));
        // the parameter groups
        r.add(new Row(ALL, "param_groups[0].lr", "NaN", "param_groups[0].lr must be a finite number, got NaN",
                groups(List.of(m("lr", NAN)))));
        r.add(new Row(ALL, "param_groups[0].lr", "-0.1", "param_groups[0].lr must be >= 0, got -0.1",
                groups(List.of(m("lr", -0.1)))));
        r.add(new Row(ALL, "param_groups[0].lr", "(missing)", "param_groups[0].lr must be given, got none",
                groups(List.of(m()))));
        r.add(new Row(ALL, "param_groups[0].initial_lr", "-0.1", "param_groups[0].initial_lr must be >= 0, got -0.1",
                groups(List.of(m("lr", 0.1, "initial_lr", -0.1)))));
        r.add(new Row(ALL, "param_groups[0].initial_lr", "(missing, initialize=false)",
                "param_groups[0].initial_lr must be given when initialize=false, got none",
                groups(List.of(m("lr", 0.1)), "initialize", false)));
        r.add(new Row(ALL, "param_groups[0].lr_scale", "-1", "param_groups[0].lr_scale must be >= 0, got -1.0",
                groups(List.of(m("lr", 0.1, "lr_scale", -1)))));
        r.add(new Row(ALL, "param_groups[0].lr_scale", "NaN", "param_groups[0].lr_scale must be a finite number, got NaN",
                groups(List.of(m("lr", 0.1, "lr_scale", NAN)))));
        r.add(new Row(ALL, "param_groups", "[]", "param_groups must hold at least one group, got 0",
                groups(List.of())));
        r.add(new Row(ALL, "param_groups[0].initial_lr", "1e300 (lr_scale=1e10)",
                "param_groups[0].initial_lr must keep every learning rate finite, got 1.0E300 (peak Infinity)",
                groups(List.of(m("lr", 1e300, "lr_scale", 1e10)))));
        // calls
        r.add(new Row(ALL, "step(epoch)", "-1", "epoch must be >= 0, got -1", call(s -> s.step(-1))));
        r.add(new Row(ALL, "step_update(num_updates)", "-1", "num_updates must be >= 0, got -1",
                call(s -> s.stepUpdate(-1))));
        r.add(new Row(PURE, "lr_at(t), values(t)", "-1", "t must be >= 0, got -1", call(s -> ((TimeScheduler) s).lrAt(-1))));
        r.add(new Row(CYCLIC, "cycle_length(cycles)", "-1", "cycles must be >= 0, got -1",
                call(s -> ((CyclicLRScheduler) s).cycleLength(-1))));
        r.add(new Row(CYCLIC, "cycle_length()", "t_initial=10^18, cycle_limit=100",
                "cycle_length(0) must fit in a long, got more than 9223372036854775807 (t_initial=1000000000000000000,"
                        + " cycle_mul=1.0, cycle_limit=100)",
                sched -> () -> ((CyclicLRScheduler) create(sched, m("t_initial", 1_000_000_000_000_000_000L,
                        "cycle_limit", 100), oneGroup())).cycleLength()));
        // restoring a state
        r.add(new Row("tanh", "state.scheduler", "\"cosine\"",
                "state.scheduler must be tanh (the scheduler restored), got cosine",
                restore(oneGroup(), s -> new SchedulerState("cosine", s.baseValues(), s.lrs(), s.plateau()))));
        r.add(new Row(ALL, "state.base_values", "two values for one group",
                "state.base_values must hold one value per group (1), got 2",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), list(0.1, 0.1), list(0.1, 0.1),
                        s.plateau()))));
        r.add(new Row(ALL, "state.base_values", "[NaN]", "state.base_values[0] must be a finite number >= 0, got NaN",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), list(NAN), s.lrs(), s.plateau()))));
        r.add(new Row(ALL, "state.lrs", "[-0.1]", "state.lrs[0] must be a finite number >= 0, got -0.1",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), list(-0.1), s.plateau()))));
        r.add(new Row(ALL, "state.base_values", "[1e300] (lr_scale=1e10)",
                "param_groups[0].initial_lr must keep every learning rate finite, got 1.0E300 (peak Infinity)",
                restore(List.of(m("lr", 1.0, "lr_scale", 1e10)),
                        s -> new SchedulerState(s.scheduler(), list(1e300), s.lrs(), s.plateau()))));
        r.add(new Row("plateau", "state.plateau", "(missing)",
                "state.plateau must be given for a plateau scheduler, got null",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(), null))));
        r.add(new Row("plateau", "state.plateau.best", "NaN",
                "state.plateau.best must be a number or an infinity, got NaN",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(),
                        new PlateauState(NAN, 0, 0, null)))));
        r.add(new Row("plateau", "state.plateau.num_bad_epochs", "-1",
                "state.plateau.num_bad_epochs must be >= 0, got -1",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(),
                        new PlateauState(0.5, -1, 0, null)))));
        r.add(new Row("plateau", "state.plateau.cooldown_counter", "-1",
                "state.plateau.cooldown_counter must be >= 0, got -1",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(),
                        new PlateauState(0.5, 0, -1, null)))));
        r.add(new Row("plateau", "state.plateau.restore_lrs", "[inf]",
                "state.plateau.restore_lrs[0] must be a finite number >= 0, got Infinity",
                restore(oneGroup(), s -> new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(),
                        new PlateauState(0.5, 0, 0, list(INF))))));
        // train.py's flags (SchedulerConfig and SchedulerFactory)
        r.add(new Row(FLAGS, "sched", "\"linear\"",
                "sched must be one of cosine, tanh, step, multistep, plateau, poly, got linear", flags("sched", "linear")));
        r.add(new Row(FLAGS, "epochs", "0", "epochs must be > 0, got 0", flags("epochs", 0)));
        r.add(new Row(FLAGS, "epochs", "2.5", "epochs must be a whole number, got 2.5", flags("epochs", 2.5)));
        r.add(new Row(FLAGS, "epochs", "9e15 (sched_on_updates, 10000 updates per epoch)",
                "epochs * updates_per_epoch must be <= 9223372036854775807, got 9000000000000000 * 10000",
                flagsPerEpoch(10000, "epochs", 9e15, "sched_on_updates", true)));
        r.add(new Row(FLAGS, "warmup_epochs", "\"five\"", "warmup_epochs must be a number, got \"five\"",
                flags("warmup_epochs", "five")));
        r.add(new Row(FLAGS, "decay_epochs", "0", "decay_epochs must be > 0, got 0.0", flags("decay_epochs", 0)));
        r.add(new Row(FLAGS, "decay_epochs", "1e308 (sched_on_updates)",
                "decay_epochs * updates_per_epoch must be finite, got 1.0E308 * 10",
                flags("decay_epochs", 1e308, "sched_on_updates", true)));
        r.add(new Row(FLAGS, "decay_milestones", "[180, 90]",
                "decay_milestones must be sorted ascending, got [180.0, 90.0]",
                flags("decay_milestones", List.of(180, 90))));
        r.add(new Row(FLAGS, "decay_milestones", "[-5]", "decay_milestones[0] must be >= 0, got -5.0",
                flags("decay_milestones", List.of(-5))));
        r.add(new Row(FLAGS, "warmup_epochs", "-1", "warmup_epochs must be >= 0, got -1", flags("warmup_epochs", -1)));
        r.add(new Row(FLAGS, "cooldown_epochs", "-1", "cooldown_epochs must be >= 0, got -1",
                flags("cooldown_epochs", -1)));
        r.add(new Row(FLAGS, "patience_epochs", "-1", "patience_epochs must be >= 0, got -1",
                flags("patience_epochs", -1)));
        r.add(new Row(FLAGS, "decay_rate", "-0.1", "decay_rate must be >= 0, got -0.1", flags("decay_rate", -0.1)));
        r.add(new Row(FLAGS, "decay_rate", "1 (sched plateau)", "decay_rate must be < 1 for plateau, got 1.0",
                flags("sched", "plateau", "decay_rate", 1)));
        r.add(new Row(FLAGS, "decay_rate", "1.1 (sched step)",
                "decay_rate must stay <= 1, or its power for the most decays any t < 2^63 reaches finite, got 1.1",
                flags("sched", "step", "decay_rate", 1.1)));
        r.add(new Row(FLAGS, "min_lr", "-1e-5", "min_lr must be >= 0, got -1.0E-5", flags("min_lr", -1e-5)));
        r.add(new Row(FLAGS, "warmup_lr", "NaN", "warmup_lr must be a finite number, got NaN", flags("warmup_lr", NAN)));
        r.add(new Row(FLAGS, "warmup_prefix", "\"maybe\"", "warmup_prefix must be true or false, got \"maybe\"",
                flags("warmup_prefix", "maybe")));
        r.add(new Row(FLAGS, "lr_noise", "[0.1, 0.2, 0.3]", "lr_noise must hold one or two fractions, got [0.1, 0.2, 0.3]",
                flags("lr_noise", List.of(0.1, 0.2, 0.3))));
        r.add(new Row(FLAGS, "lr_noise", "[0.9, 0.1]", "lr_noise must be [start, end] with start <= end, got [0.9, 0.1]",
                flags("lr_noise", List.of(0.9, 0.1))));
        r.add(new Row(FLAGS, "lr_noise", "[NaN]", "lr_noise[0] must be a finite number, got NaN",
                flags("lr_noise", List.of(NAN))));
        r.add(new Row(FLAGS, "lr_noise_pct", "0", "lr_noise_pct must be in [1.0E-4, 1.0], got 0.0",
                flags("lr_noise_pct", 0)));
        r.add(new Row(FLAGS, "lr_noise_pct", "1.5", "lr_noise_pct must be in [1.0E-4, 1.0], got 1.5",
                flags("lr_noise_pct", 1.5)));
        r.add(new Row(FLAGS, "lr_noise_std", "inf", "lr_noise_std must be a finite number, got Infinity",
                flags("lr_noise_std", INF)));
        r.add(new Row(FLAGS, "seed", "1.5", "seed must be a whole number, got 1.5", flags("seed", 1.5)));
        r.add(new Row(FLAGS, "lr_cycle_mul", "0", "lr_cycle_mul must be > 0, got 0.0", flags("lr_cycle_mul", 0)));
        r.add(new Row(FLAGS, "lr_cycle_decay", "-0.5", "lr_cycle_decay must be >= 0, got -0.5",
                flags("lr_cycle_decay", -0.5)));
        r.add(new Row(FLAGS, "lr_cycle_decay", "2 (lr_cycle_limit=2000)",
                "lr_cycle_decay must stay <= 1, or its power for the last cycle any t < 2^63 reaches finite, got 2.0",
                flags("lr_cycle_decay", 2, "lr_cycle_limit", 2000)));
        r.add(new Row(FLAGS, "lr_cycle_limit", "-1", "lr_cycle_limit must be >= 0, got -1", flags("lr_cycle_limit", -1)));
        r.add(new Row(FLAGS, "lr_cycle_limit", "10^6 (epochs=10^15)",
                "the number of epochs to train must fit in a long, got more than 9223372036854775807 (epochs="
                        + "1000000000000000, lr_cycle_mul=1.0, lr_cycle_limit=1000000, cooldown_epochs=0,"
                        + " warmup_epochs=5)",
                flags("epochs", 1_000_000_000_000_000L, "lr_cycle_limit", 1_000_000)));
        r.add(new Row(FLAGS, "lr_k_decay", "0", "lr_k_decay must be > 0, got 0.0", flags("lr_k_decay", 0)));
        r.add(new Row(FLAGS, "sched_on_updates", "true (sched plateau)",
                "sched_on_updates must be false for plateau (it steps on epochs only), got true",
                flags("sched", "plateau", "sched_on_updates", true)));
        r.add(new Row(FLAGS, "sched_on_updates", "\"yes\"", "sched_on_updates must be true or false, got \"yes\"",
                flags("sched_on_updates", "yes")));
        r.add(new Row(FLAGS, "updates_per_epoch", "0 (sched_on_updates)",
                "updates_per_epoch must be > 0 with sched_on_updates, got 0",
                flagsPerEpoch(0, "sched_on_updates", true)));
        r.add(new Row(FLAGS, "eval_metric", "5", "eval_metric must be a string, got 5", flags("eval_metric", 5)));
        r.add(new Row(FLAGS, "lr", "-0.1", "lr must be >= 0, got -0.1", flags("lr", -0.1)));
        r.add(new Row(FLAGS, "lr_base", "NaN", "lr_base must be a finite number, got NaN", flags("lr_base", NAN)));
        r.add(new Row(FLAGS, "lr_base_size", "0", "lr_base_size must be > 0, got 0.0", flags("lr_base_size", 0)));
        r.add(new Row(FLAGS, "lr_base_scale", "\"log\"", "lr_base_scale must be linear, sqrt or empty, got log",
                flags("lr_base_scale", "log")));
        r.add(new Row(FLAGS, "batch_size", "0", "batch_size must be > 0, got 0", flags("batch_size", 0)));
        r.add(new Row(FLAGS, "opt", "5", "opt must be a string, got 5", flags("opt", 5)));
        r.add(new Row(FLAGS, "lb", "NaN", "lb must be a finite number, got NaN", flags("lb", NAN)));
        r.add(new Row(FLAGS, "ub", "inf", "ub must be a finite number, got Infinity", flags("ub", INF)));
        r.add(new Row(FLAGS, "lb", "3 (ub=-7)", "lb must be < ub, got lb=3.0, ub=-7.0", flags("lb", 3, "ub", -7)));
        r.add(new Row(FLAGS, "timm", "\"0.5\"", "timm must be current or 0.4, got 0.5", flags("timm", "0.5")));
        return r;
    }

    // ---------------------------------------------------------------------------------------------
    // the tests

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Row row : rows()) {
            List<String> scheds = switch (row.schedulers()) {
                case FLAGS -> List.of(FLAGS);
                case ALL -> SCHEDULERS;
                case PURE -> SCHEDULERS.subList(0, 5);
                default -> Arrays.asList(row.schedulers().split(", "));
            };
            for (String sched : scheds) {
                out.add(Arguments.of(sched + " " + row.parameter() + " = " + row.value(), row.action().apply(sched),
                        row.message()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithTheTablesMessage(String label, Executable action, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, label);
        assertEquals(message, e.getMessage(), label);
    }

    /** The document's rows: every table line whose fifth cell is a message in backticks. */
    static List<String> documentedRows() throws IOException {
        Path doc = Path.of("..", "docs", "validation.md");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 7) {
                continue;
            }
            String message = cells[5].trim();
            if (!(message.startsWith("`") && message.endsWith("`") && message.length() > 2)) {
                continue;
            }
            out.add(cells[1].trim() + " | " + unquote(cells[2].trim()) + " | " + unquote(cells[3].trim()) + " | "
                    + unquote(message));
        }
        return out;
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() > 1 ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    @Test
    void docsListExactlyTheseRows() throws IOException {
        List<String> documented = documentedRows();
        List<String> tested = new ArrayList<>();
        for (Row row : rows()) {
            tested.add(row.key());
        }
        List<String> missing = new ArrayList<>(tested);
        missing.removeAll(documented);
        List<String> extra = new ArrayList<>(documented);
        extra.removeAll(tested);
        assertTrue(missing.isEmpty() && extra.isEmpty(),
                () -> "docs/validation.md differs from the tested rows\n  not documented: " + missing
                        + "\n  not tested: " + extra);
        assertEquals(tested.size(), documented.size(), "a row is listed twice");
    }

    @Test
    void theValidNeighboursOfTheBadValuesAreAccepted() {
        // the edges of the rules: each of these is one step inside a rule a row above breaks
        for (String sched : SCHEDULERS) {
            create(sched, with(base(sched), "warmup_t", 0, "warmup_lr_init", 0.0), oneGroup());
            create(sched, with(base(sched), "noise_range_t", List.of(10, 10), "noise_pct", 1.0), oneGroup());
            create(sched, with(base(sched), "noise_range_t", 0, "noise_pct", 1e-4), oneGroup());
            create(sched, with(base(sched), "noise_range_t", 0, "noise_type", "uniform", "noise_pct", 0.0), oneGroup());
            create(sched, base(sched), List.of(m("lr", 0.0, "lr_scale", 0.0)));
        }
        for (String sched : List.of("tanh", "cosine", "poly")) {
            create(sched, with(base(sched), "t_initial", 1, "lr_min", 0.0, "cycle_mul", 1e-9, "cycle_decay", 0.0,
                    "cycle_limit", 0), oneGroup());
            create(sched, with(base(sched), "cycle_decay", 2.0, "cycle_limit", 1000), oneGroup());
        }
        create("multistep", with(base("multistep"), "decay_t", List.of(0, 0), "decay_rate", 1e150), oneGroup());
        create("step", with(base("step"), "decay_t", 1e-300, "decay_rate", 1.0), oneGroup());
        create("plateau", m("decay_rate", 0.0, "patience_t", 0, "threshold", 0.0, "cooldown_t", 0), oneGroup());
        assertEquals(1, SchedulerFactory.create(SchedulerConfig.fromArgs(m("epochs", 1, "warmup_epochs", 0,
                "decay_epochs", 1e-300, "lr_noise_pct", 1.0)), ParamGroupList.of(0.1), 1).numEpochs());
    }

    private static Map<String, Object> with(Map<String, Object> k, Object... kv) {
        k.putAll(m(kv));
        return k;
    }
}
