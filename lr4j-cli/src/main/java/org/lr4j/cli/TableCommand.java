package org.lr4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import org.lr4j.factory.ScheduleWarnings;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.IoErrors;
import org.lr4j.state.SchedulerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j table}: the schedule as train.py would drive it, one row per epoch (per update with
 * {@code --sched-on-updates}): {@code epoch}, {@code update}, {@code lr} (mean over groups), then one
 * column per group.
 *
 * <p>The whole configuration is checked first (scheduler, state, resume, length); then the rows are
 * streamed, to stdout or with {@code -o} to a temporary file renamed at the end, in constant memory for any
 * length (CSV, or one JSON document {@code {"num_epochs": N, "rows": [...]}} written row by row). The
 * length is bounded only by {@link TrainLoop#MAX_UPDATES} scheduler updates.
 */
@Command(name = "table", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = "Print the schedule as train.py drives it: one row per epoch (per update with --sched-on-updates).")
final class TableCommand implements Callable<Integer> {
    /**
     * The most rows of a {@code --schedule} table, which is still built in memory; a {@code --sched}
     * table streams and has no such bound.
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

    @Option(names = "--end-epoch", paramLabel = "N", description = "Stop before this epoch, also past the run's end (default: the run's end).")
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
        SchedulerState state = stateIn == null ? null : Json.readState(stateIn);
        // the whole configuration is checked before the first row: a scheduler is built, restored and
        // resumed (twice with --state-out, whose state is written before any row)
        CreatedScheduler created = scheduler(config, state);
        long end = endEpoch == null ? created.numEpochs() : endEpoch;
        long epochs = Math.max(0, end - startEpoch);
        if (epochs > TrainLoop.MAX_UPDATES / updatesPerEpoch) {
            throw new UsageError("the table would take " + epochs + " x " + updatesPerEpoch + " scheduler updates"
                    + " (--epochs, --updates-per-epoch), must be at most " + TrainLoop.MAX_UPDATES
                    + "; cut it with --start-epoch/--end-epoch");
        }
        if (stateOut != null) {
            drive(created.scheduler(), end, Rows.NONE);
            Json.writeState(stateOut, created.scheduler().state());
            created = scheduler(config, state);
        }
        LRScheduler s = created.scheduler();
        long numEpochs = created.numEpochs();
        if (output == null || output.toString().equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Writer w = new BufferedWriter(out, 1 << 16);
                write(w, s, end, numEpochs);
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to stdout: " + IoErrors.reason(e), e);
            }
        } else {
            try {
                AtomicFiles.write(output, o -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
                    write(w, s, end, numEpochs);
                    w.flush();
                });
            } catch (IOException e) {
                throw Output.cannotWrite(output, e);
            }
        }
        Output.warn(spec.commandLine().getErr(), ScheduleWarnings.of(config));
        return 0;
    }

    /** The scheduler of {@code config}, restored from {@code state} if given, resumed at the start epoch. */
    private CreatedScheduler scheduler(SchedulerConfig config, SchedulerState state) {
        CreatedScheduler created;
        try {
            created = SchedulerFactory.create(config, groups(config.effectiveLr(), lrScales), updatesPerEpoch);
        } catch (IllegalArgumentException e) {
            throw new UsageError(ScheduleOptions.asFlags(e), e);
        }
        if (state != null) {
            try {
                created.scheduler().restore(state);
            } catch (IllegalArgumentException e) {
                throw new UsageError(stateIn + ": " + e.getMessage(), e);
            }
        }
        TrainLoop.resume(created.scheduler(), config.schedOnUpdates(), startEpoch, updatesPerEpoch);
        return created;
    }

    /** Receives the table's rows: epoch, update, every group's rate. */
    @FunctionalInterface
    private interface Rows {
        Rows NONE = (epoch, update, lrs) -> { };

        void row(long epoch, long update, double[] lrs) throws IOException;
    }

    /** Drives {@code s} as train.py does up to {@code end}, one row per epoch or per update. */
    private void drive(LRScheduler s, long end, Rows rows) throws UncheckedIOException {
        boolean perUpdate = !s.tInEpochs();
        try {
            TrainLoop.drive(s, startEpoch, end, updatesPerEpoch, curve.metrics, new TrainLoop.Listener() {
                @Override
                public void epochStart(long epoch, double[] lrs) {
                    if (!perUpdate) {
                        emit(epoch, epoch * updatesPerEpoch, lrs);
                    }
                }

                @Override
                public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                    emit(epoch, numUpdates, lrs);
                }

                private void emit(long epoch, long update, double[] lrs) {
                    try {
                        rows.row(epoch, update, lrs);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UsageError(ScheduleOptions.asFlags(e), e);
        }
    }

    /**
     * Streams the table: CSV rows, or one JSON document whose rows are written as they come. A row is
     * formatted into one reused buffer (numbers as {@link Double#toString}), so that a long table makes
     * almost no garbage and the heap, hence the memory, stays small.
     */
    private void write(Writer w, LRScheduler s, long end, long numEpochs) throws IOException {
        int groupCount = s.groups().size();
        StringBuilder sb = new StringBuilder(64);
        char[][] buf = {new char[256]};
        try {
            if (format.equals("csv")) {
                sb.append("epoch,update,lr");
                for (int g = 0; g < groupCount; g++) {
                    sb.append(",group").append(g);
                }
                w.append(sb).append('\n');
                drive(s, end, (epoch, update, lrs) -> {
                    sb.setLength(0);
                    sb.append(epoch).append(',').append(update).append(',').append(mean(lrs));
                    for (double v : lrs) {
                        sb.append(',').append(v);
                    }
                    sb.append('\n');
                    w.write(chars(sb, buf), 0, sb.length());
                });
            } else {
                JsonGenerator json = Json.JSON.getFactory().createGenerator(w);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeNumberField("num_epochs", numEpochs);
                json.writeArrayFieldStart("rows");
                drive(s, end, (epoch, update, lrs) -> {
                    json.writeStartObject();
                    json.writeNumberField("epoch", epoch);
                    json.writeNumberField("update", update);
                    json.writeFieldName("lr");
                    number(json, mean(lrs), sb, buf);
                    json.writeArrayFieldStart("groups");
                    for (double v : lrs) {
                        number(json, v, sb, buf);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                });
                json.writeEndArray();
                json.writeEndObject();
                json.close();
                w.append('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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

    /** {@code sb}'s characters in {@code buf[0]}, grown when too small. */
    private static char[] chars(StringBuilder sb, char[][] buf) {
        if (buf[0].length < sb.length()) {
            buf[0] = new char[2 * sb.length()];
        }
        sb.getChars(0, sb.length(), buf[0], 0);
        return buf[0];
    }

    /** Writes {@code v} as {@link Double#toString} does, without a String per number (non-finite: Jackson's way). */
    private static void number(JsonGenerator json, double v, StringBuilder sb, char[][] buf) throws IOException {
        if (!Double.isFinite(v)) {
            json.writeNumber(v);
            return;
        }
        sb.setLength(0);
        sb.append(v);
        json.writeNumber(chars(sb, buf), 0, sb.length());
    }

    private static double mean(double[] lrs) {
        double sum = 0;
        for (double v : lrs) {
            sum += v;
        }
        return sum / lrs.length;
    }
}
