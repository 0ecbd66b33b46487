package org.lr4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.lr4j.group.MomentumKind;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.python.PythonCallException;
import org.lr4j.python.ScheduleCall;
import org.lr4j.torch.TorchScheduler;
import picocli.CommandLine.Option;

/**
 * {@code --schedule "PYTHON CALL"} and {@code --steps N}: a PyTorch or transformers schedule pasted from
 * Python ({@link ScheduleCall}), for {@code table}, {@code plot} and {@code train}. The optimizer the call
 * needs is one group with {@code lr = --lr} (also its {@code defaults["lr"]}): SGD with
 * {@code --momentum}, or Adam's {@code betas} (beta1 0.9) with {@code --opt adam|adamw}. The length is
 * {@code --steps}, by default the call's own ({@link ScheduleCall#length()}).
 */
public final class PythonScheduleOptions {
    @Option(names = "--schedule", paramLabel = "PYTHON_CALL",
            description = "A PyTorch or transformers schedule as its Python call, e.g. \"OneCycleLR(max_lr=0.1,"
                    + " total_steps=1000)\" (replaces --sched).")
    String schedule;

    @Option(names = "--steps", paramLabel = "N",
            description = "With --schedule: the number of steps (default: the call's own length).")
    Long steps;

    /** Whether {@code --schedule} was given. */
    boolean given() {
        return schedule != null;
    }

    /** The call, read. @throws UsageError pointing at the offending character */
    ScheduleCall call() {
        try {
            return ScheduleCall.parse(schedule);
        } catch (PythonCallException e) {
            throw new UsageError("--schedule: " + e.oneLine(), e);
        }
    }

    /** {@code --steps}, or the call's own length. @throws UsageError when there is neither, or it is < 1 */
    long steps(ScheduleCall call) {
        if (steps != null) {
            if (steps < 1) {
                throw new UsageError("--steps must be > 0, got " + steps);
            }
            return steps;
        }
        OptionalLong own = call.length();
        if (own.isEmpty() || own.getAsLong() < 1) {
            throw new UsageError("--steps is needed: " + call.name() + " has no length of its own (no total_steps,"
                    + " num_training_steps or T_max)");
        }
        return own.getAsLong();
    }

    /** The implicit optimizer: one group with {@code lr}, SGD's {@code momentum} or Adam's {@code betas[0]}. */
    static ParamGroupList groups(double lr, String opt, double momentum) {
        ParamGroup g = ParamGroup.of(lr);
        if (opt != null && (opt.equalsIgnoreCase("adam") || opt.equalsIgnoreCase("adamw"))) {
            g.beta1(0.9);
        } else {
            g.momentum(momentum);
        }
        return ParamGroupList.of(g);
    }

    /** The scheduler built on {@code groups}. @throws UsageError pointing at the argument refused */
    static TorchScheduler build(ScheduleCall call, ParamGroupList groups) {
        try {
            return call.build(groups, groups.lr(0));
        } catch (PythonCallException e) {
            throw new UsageError("--schedule: " + e.oneLine(), e);
        }
    }

    /** One row per step: the step, the group's lr, and its momentum. */
    record Row(long step, double lr, double momentum) {
    }

    /**
     * The rates for steps {@code 0..steps-1}: row {@code i} is the rate after {@code i} scheduler steps,
     * the one optimizer step {@code i} uses ({@code metrics.get(i - 1)} passed to a plateau's step).
     *
     * @throws UsageError when a metric is missing, or the schedule raises at a step
     */
    static List<Row> rows(TorchScheduler s, long steps, List<Double> metrics) {
        List<Row> out = new ArrayList<>();
        ParamGroupList g = (ParamGroupList) s.groups();
        for (long i = 0; i < steps; i++) {
            if (i > 0) {
                try {
                    if (s.needsMetric()) {
                        if (metrics == null || metrics.size() < i) {
                            throw new UsageError("--metrics: " + s.name() + " needs a metric for every step after the"
                                    + " first (" + (steps - 1) + "), got " + (metrics == null ? 0 : metrics.size()));
                        }
                        s.step(metrics.get((int) i - 1));
                    } else {
                        s.step();
                    }
                } catch (IllegalStateException e) {
                    throw new UsageError("--schedule: step " + i + ": " + e.getMessage(), e);
                }
            }
            out.add(new Row(i, g.lr(0), g.momentumKind() == MomentumKind.NONE ? Double.NaN : g.momentum(0)));
        }
        return out;
    }

    /** Whether the momentum moved: differs from {@code before} in some row. */
    static boolean momentumCycled(List<Row> rows, double before) {
        for (Row r : rows) {
            if (r.momentum() != before) {
                return true;
            }
        }
        return false;
    }
}
