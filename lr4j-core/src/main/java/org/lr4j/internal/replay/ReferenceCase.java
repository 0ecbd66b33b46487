package org.lr4j.internal.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.internal.Args;
import org.lr4j.internal.Checks;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.TrainLoop;
import org.lr4j.python.TimmKwargs;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TimeScheduler;

/**
 * Computes a reference case (the format of the golden traces: a scheduler case with {@code scheduler},
 * {@code kwargs}, {@code param_groups}, {@code drive}, {@code t}, optional {@code metrics}; or a
 * training-run case with {@code train_args}, {@code updates_per_epoch}, {@code param_groups},
 * {@code metrics}) with lr4j, ignoring any expected fields. The input is the parsed JSON object; the
 * output holds {@code id} and the computed fields ({@code initial_lrs}, {@code lrs}, {@code values},
 * {@code cycle_length}; or {@code num_epochs}, {@code epoch_lrs}, {@code update_lrs}), or {@code error}
 * with a message when lr4j refuses the case.
 */
public final class ReferenceCase {
    private ReferenceCase() {
    }

    /** Computes one case; never throws for a malformed case, but reports it in {@code error}. */
    public static Map<String, Object> compute(Map<String, ?> c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c == null ? null : c.get("id"));
        try {
            if (c == null) {
                throw new IllegalArgumentException("a case must be a JSON object");
            }
            if (c.containsKey("train_args")) {
                computeTrain(c, out);
            } else if (c.containsKey("scheduler")) {
                computeScheduler(c, out);
            } else {
                throw new IllegalArgumentException("a case needs scheduler or train_args");
            }
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            out.keySet().retainAll(List.of("id"));
            out.put("error", e.getMessage());
        }
        return out;
    }

    private static void computeScheduler(Map<String, ?> c, Map<String, Object> out) {
        String scheduler = Args.string("scheduler", c.get("scheduler"));
        Profile profile = Profile.fromLabel(c.get("timm") == null ? null : String.valueOf(c.get("timm")));
        Map<String, ?> kwargs = map("kwargs", c.get("kwargs"));
        ParamGroupList groups = groups(c.get("param_groups"));
        String drive = Args.string("drive", c.get("drive"));
        if (!drive.equals("step") && !drive.equals("step_update")) {
            throw Checks.invalid("drive", "be step or step_update", drive);
        }
        boolean onEpoch = drive.equals("step");
        List<?> ts = list("t", c.get("t"));
        List<?> metrics = c.get("metrics") == null ? null : list("metrics", c.get("metrics"));
        LRScheduler s = TimmKwargs.create(scheduler, profile, kwargs, groups);
        out.put("initial_lrs", toList(groups.lrs()));
        List<Object> lrs = new ArrayList<>();
        long[] tv = new long[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            tv[i] = Args.integer("t[" + i + "]", ts.get(i));
            Double metric = metric(metrics, i);
            if (onEpoch && metric != null) {
                s.step(tv[i], metric);
            } else if (onEpoch) {
                s.step(tv[i]);
            } else if (metric != null) {
                s.stepUpdate(tv[i], metric);
            } else {
                s.stepUpdate(tv[i]);
            }
            lrs.add(toList(groups.lrs()));
        }
        out.put("lrs", lrs);
        if (s instanceof TimeScheduler pure) {
            List<Object> values = new ArrayList<>();
            for (long t : tv) {
                Optional<double[]> v = pure.values(t, onEpoch);
                values.add(v.isPresent() ? toList(v.get()) : null);
            }
            out.put("values", values);
        }
        if (s instanceof CyclicLRScheduler cyclic) {
            Map<String, Object> lengths = new LinkedHashMap<>();
            for (int k = 0; k <= 3; k++) {
                lengths.put(Integer.toString(k), cyclic.cycleLength(k));
            }
            out.put("cycle_length", lengths);
        }
    }

    private static void computeTrain(Map<String, ?> c, Map<String, Object> out) {
        SchedulerConfig config = SchedulerConfig.fromArgs(map("train_args", c.get("train_args")));
        long upe = Args.integer("updates_per_epoch", c.get("updates_per_epoch") == null ? 1 : c.get("updates_per_epoch"));
        ParamGroupList groups = groups(c.get("param_groups"));
        List<?> m = c.get("metrics") == null ? null : list("metrics", c.get("metrics"));
        List<Double> metrics = new ArrayList<>();
        if (m != null) {
            for (int i = 0; i < m.size(); i++) {
                metrics.add(metric(m, i));
            }
        }
        TrainLoop.Trace trace = TrainLoop.run(config, groups, upe, metrics, 0);
        out.put("num_epochs", trace.numEpochs());
        out.put("epoch_lrs", rows(trace.epochLrs()));
        if (config.schedOnUpdates()) {
            out.put("update_lrs", rows(trace.updateLrs()));
        }
    }

    /** The groups of a case's {@code param_groups} (a list of objects with lr, initial_lr, lr_scale). */
    public static ParamGroupList groups(Object value) {
        List<?> list = list("param_groups", value);
        List<ParamGroup> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, ?> g = map("param_groups[" + i + "]", list.get(i));
            String at = "param_groups[" + i + "].";
            ParamGroup group = g.get("lr") != null ? ParamGroup.of(finite(at + "lr", g.get("lr"))) : ParamGroup.empty();
            if (g.get("initial_lr") != null) {
                group.initialLr(finite(at + "initial_lr", g.get("initial_lr")));
            }
            if (g.get("lr_scale") != null) {
                group.lrScale(finite(at + "lr_scale", g.get("lr_scale")));
            }
            out.add(group);
        }
        return ParamGroupList.of(out);
    }

    private static double finite(String name, Object v) {
        return Checks.finite(name, Args.number(name, v));
    }

    private static Double metric(List<?> metrics, int i) {
        if (metrics == null || i >= metrics.size() || metrics.get(i) == null) {
            return null;
        }
        return Args.number("metrics[" + i + "]", metrics.get(i));
    }

    private static List<Object> rows(List<double[]> rows) {
        List<Object> out = new ArrayList<>(rows.size());
        for (double[] r : rows) {
            out.add(toList(r));
        }
        return out;
    }

    private static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(String name, Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, ?>) m;
        }
        throw Checks.invalid(name, "be an object", Args.describe(v));
    }

    private static List<?> list(String name, Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw Checks.invalid(name, "be a list", Args.describe(v));
    }
}
