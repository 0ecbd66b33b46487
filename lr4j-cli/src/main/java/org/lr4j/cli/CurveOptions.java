package org.lr4j.cli;

import java.util.List;
import java.util.function.LongFunction;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.group.ParamGroupList;
import org.lr4j.python.ScheduleCall;
import picocli.CommandLine.Option;

/**
 * What {@code table} and {@code plot} share to show a schedule without training: the implicit
 * optimizer's {@code --momentum} for {@code --schedule}, the {@code --metrics} a plateau decides on, and
 * the run of a {@code --schedule} call over its steps.
 */
final class CurveOptions {
    @Option(names = "--momentum", paramLabel = "M",
            description = "With --schedule: SGD's momentum, which OneCycleLR and CyclicLR cycle (default: 0.9).")
    Double momentum;

    @Option(names = "--metrics", split = ",", paramLabel = "M",
            description = "The metric a plateau decides on, comma-separated: with --schedule \"ReduceLROnPlateau(...)\""
                    + " one per step after the first; in table, with --sched plateau, one per epoch.")
    List<Double> metrics;

    /** A {@code --schedule} call run over its steps: one row per step, and whether the momentum moved. */
    record Curve(ScheduleCall call, List<PythonScheduleOptions.Row> rows, boolean momentumCycled) {
    }

    /**
     * Runs {@code --schedule}'s call over {@code --steps} (or its own length) on the implicit optimizer of
     * {@code config}.
     *
     * @param max the most steps shown
     * @param tooMany the message when the steps pass {@code max}
     * @throws UsageError when the call, its length or a step is refused
     */
    Curve run(PythonScheduleOptions python, SchedulerConfig config, long max, LongFunction<String> tooMany) {
        ScheduleCall call = python.call();
        long steps = python.steps(call);
        if (steps > max) {
            throw new UsageError(tooMany.apply(steps));
        }
        ParamGroupList groups = PythonScheduleOptions.groups(config.effectiveLr(), config.opt(),
                momentum != null ? momentum : 0.9);
        double before = groups.momentum(0);
        List<PythonScheduleOptions.Row> rows = PythonScheduleOptions.rows(PythonScheduleOptions.build(call, groups),
                steps, metrics);
        return new Curve(call, rows, PythonScheduleOptions.momentumCycled(rows, before));
    }
}
