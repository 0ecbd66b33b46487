package org.lr4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.state.SchedulerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j table}: the schedule as train.py would drive it, one row per epoch (per update with
 * {@code --sched-on-updates}): {@code epoch}, {@code update}, {@code lr} (mean over groups), then one
 * column per group.
 */
@Command(name = "table", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = "Print the schedule as train.py drives it: one row per epoch (per update with --sched-on-updates).")
final class TableCommand implements Callable<Integer> {
    /**
     * The most rows one table may hold: the table is built in memory (then written atomically), and
     * about 2 GB of heap hold 10 million rows; a longer run would end in an OutOfMemoryError.
     */
    static final long MAX_ROWS = 2_000_000L;

    @Mixin
    ScheduleOptions schedule;

    @Mixin
    PythonScheduleOptions python;

    @Mixin
    CurveOptions curve;

    @Option(names = "--updates-per-epoch", paramLabel = "N", defaultValue = "1",
            description = "Optimizer updates (batches) per epoch (default: ${DEFAULT-VALUE}).")
    long updatesPerEpoch;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "Output format: csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lr-scale", paramLabel = "S", arity = "1..*",
            description = "Add a parameter group with this lr_scale (repeatable; default: one group without).")
    List<Double> lrScales;

    @Option(names = "--start-epoch", paramLabel = "N", defaultValue = "0",
            description = "Resume at this epoch (with --state-in, or as train.py's resume step) (default: 0).")
    long startEpoch;

    @Option(names = "--end-epoch", paramLabel = "N", description = "Stop before this epoch (default: the run's end).")
    Long endEpoch;

    @Option(names = "--state-in", paramLabel = "FILE", description = "Restore the scheduler from this state JSON first.")
    Path stateIn;

    @Option(names = "--state-out", paramLabel = "FILE", description = "Write the scheduler's state JSON after the last row.")
    Path stateOut;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageError("--format must be csv or json, got " + format);
        }
        if (updatesPerEpoch < 1) {
            throw new UsageError("--updates-per-epoch must be > 0, got " + updatesPerEpoch);
        }
        if (startEpoch < 0) {
            throw new UsageError("--start-epoch must be >= 0, got " + startEpoch);
        }
        SchedulerConfig config = schedule.toConfig();
        if (python.given()) {
            return pythonTable(config);
        }
        ParamGroupList groups = groups(config.effectiveLr(), lrScales);
        CreatedScheduler created;
        try {
            created = SchedulerFactory.create(config, groups, updatesPerEpoch);
        } catch (IllegalArgumentException e) {
            throw new UsageError(ScheduleOptions.asFlags(e), e);
        }
        LRScheduler s = created.scheduler();
        if (stateIn != null) {
            SchedulerState state = Json.readState(stateIn);
            try {
                s.restore(state);
            } catch (IllegalArgumentException e) {
                throw new UsageError(stateIn + ": " + e.getMessage(), e);
            }
        }
        TrainLoop.resume(s, config.schedOnUpdates(), startEpoch, updatesPerEpoch);
        long end = endEpoch == null ? created.numEpochs() : Math.min(endEpoch, created.numEpochs());
        boolean perUpdate = config.schedOnUpdates();
        long epochs = Math.max(0, end - startEpoch);
        if (epochs > (perUpdate ? MAX_ROWS / updatesPerEpoch : MAX_ROWS)) {
            throw new UsageError("the table would hold " + (perUpdate ? epochs + " x " + updatesPerEpoch : epochs)
                    + " rows (--epochs, --updates-per-epoch), must be at most " + MAX_ROWS
                    + "; cut it with --start-epoch/--end-epoch");
        }
        List<Object[]> rows = new ArrayList<>();
        try {
            TrainLoop.drive(s, startEpoch, end, updatesPerEpoch, curve.metrics, new TrainLoop.Listener() {
                @Override
                public void epochStart(long epoch, double[] lrs) {
                    if (!perUpdate) {
                        rows.add(new Object[] {epoch, epoch * updatesPerEpoch, lrs});
                    }
                }

                @Override
                public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                    rows.add(new Object[] {epoch, numUpdates, lrs});
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UsageError(ScheduleOptions.asFlags(e), e);
        }
        String text = format.equals("csv") ? csv(rows, groups.size()) : json(rows, created.numEpochs());
        if (stateOut != null) {
            // first: when it cannot be written, nothing may have gone to stdout yet
            Json.writeState(stateOut, s.state());
        }
        Output.emit(output, text, spec.commandLine().getOut());
        return 0;
    }

    /** {@code --schedule}: one row per step, {@code step,lr,group0}, and {@code momentum} where it is cycled. */
    private Integer pythonTable(SchedulerConfig config) {
        if (schedule.given(org.lr4j.factory.SchedulerOption.SCHED) || stateIn != null || stateOut != null || lrScales != null) {
            throw new UsageError("--schedule replaces --sched (and takes no --state-in, --state-out or --lr-scale)");
        }
        CurveOptions.Curve curve = this.curve.run(python, config, MAX_ROWS,
                steps -> "--steps: the table would hold " + steps + " rows, must be at most " + MAX_ROWS);
        org.lr4j.python.ScheduleCall call = curve.call();
        List<PythonScheduleOptions.Row> rows = curve.rows();
        boolean cycled = curve.momentumCycled();
        String text;
        if (format.equals("csv")) {
            StringBuilder sb = new StringBuilder("step,lr,group0").append(cycled ? ",momentum" : "").append('\n');
            for (PythonScheduleOptions.Row r : rows) {
                sb.append(r.step()).append(',').append(r.lr()).append(',').append(r.lr());
                if (cycled) {
                    sb.append(',').append(r.momentum());
                }
                sb.append('\n');
            }
            text = sb.toString();
        } else {
            List<Map<String, Object>> out = new ArrayList<>();
            for (PythonScheduleOptions.Row r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", r.step());
                row.put("lr", r.lr());
                row.put("groups", List.of(r.lr()));
                if (cycled) {
                    row.put("momentum", r.momentum());
                }
                out.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schedule", call.source());
            doc.put("steps", (long) rows.size());
            doc.put("rows", out);
            try {
                text = Json.JSON.writeValueAsString(doc) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Output.emit(output, text, spec.commandLine().getOut());
        return 0;
    }

    static ParamGroupList groups(double lr, List<Double> lrScales) {
        if (lrScales == null || lrScales.isEmpty()) {
            return ParamGroupList.of(lr);
        }
        List<ParamGroup> list = new ArrayList<>();
        for (double scale : lrScales) {
            list.add(ParamGroup.of(lr).lrScale(scale));
        }
        return ParamGroupList.of(list);
    }

    private static String csv(List<Object[]> rows, int groupCount) {
        StringBuilder sb = new StringBuilder("epoch,update,lr");
        for (int g = 0; g < groupCount; g++) {
            sb.append(",group").append(g);
        }
        sb.append('\n');
        for (Object[] r : rows) {
            double[] lrs = (double[]) r[2];
            sb.append(r[0]).append(',').append(r[1]).append(',').append(mean(lrs));
            for (double v : lrs) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String json(List<Object[]> rows, long numEpochs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            double[] lrs = (double[]) r[2];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", r[0]);
            m.put("update", r[1]);
            m.put("lr", mean(lrs));
            List<Double> groups = new ArrayList<>();
            for (double v : lrs) {
                groups.add(v);
            }
            m.put("groups", groups);
            out.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("num_epochs", numEpochs);
        doc.put("rows", out);
        try {
            return Json.JSON.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mean(double[] lrs) {
        double sum = 0;
        for (double v : lrs) {
            sum += v;
        }
        return sum / lrs.length;
    }
}
