package org.lr4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.ScheduleWarnings;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.plot.LrChart;
import org.lr4j.plot.LrSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j plot [schedule flags] -o FILE.png|FILE.svg [--title T] [--series 'LABEL: FLAGS' ...] [--log-y]}:
 * draws the schedule as train.py drives it (the rate at the start of each epoch, or before each update
 * with {@code --sched-on-updates}), or several labelled schedules on one chart.
 *
 * <p>Each {@code --series 'LABEL: FLAGS'} is the schedule of the command's own flags with FLAGS on top
 * (a flag in FLAGS replaces the same flag given outside). The tutorial's warmup cell:
 * <pre>
 * lr4j plot --sched tanh --timm 0.4 --epochs 50 --lr 1e-4 --lr-cycle-limit 0 --warmup-lr 1e-5 \
 *     --series 'With warmup: --warmup-epochs 5' --series 'Without warmup: --warmup-epochs 0' -o warmup.png
 * </pre>
 * (train.py's defaults differ from the tutorial's: {@code --warmup-epochs 5}, a cycle decay of 0.5,
 * {@code --lr-cycle-limit 1}; the plot starts each epoch with the rate train.py uses in it, so epoch 0
 * shows the rate written at construction.) Prints the file written.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = "Draw the schedule (or several, with --series) as train.py drives it, to PNG or SVG.")
final class PlotCommand implements Callable<Integer> {
    /** The most points one series may hold (epochs, or epochs x updates per epoch). */
    static final long MAX_POINTS = 1_000_000L;

    @Mixin
    ScheduleOptions schedule;

    @Mixin
    PythonScheduleOptions python;

    @Mixin
    CurveOptions curve;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.png|FILE.svg",
            description = "The chart to write; the extension chooses PNG or SVG.")
    Path output;

    @Option(names = "--title", paramLabel = "T", description = "Chart title (default: the flags drawn).")
    String title;

    @Option(names = "--series", paramLabel = "'LABEL: FLAGS'",
            description = "A labelled schedule: the flags above with FLAGS on top (repeatable; default: one series).")
    List<String> series;

    @Option(names = "--log-y", description = "Logarithmic learning-rate axis (needs rates > 0).")
    boolean logY;

    @Option(names = "--updates-per-epoch", paramLabel = "N", defaultValue = "1",
            description = "Optimizer updates (batches) per epoch (default: ${DEFAULT-VALUE}).")
    long updatesPerEpoch;

    @Option(names = "--end-epoch", paramLabel = "N",
            description = "Draw epochs before this one, also past the run's end (default: the longest run's end).")
    Long endEpoch;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "900", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "560", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The schedules of the last {@link #chart()}. */
    private List<Labelled> drawn = List.of();

    /** A schedule to draw and its legend text. */
    record Labelled(String label, SchedulerConfig config) {
    }

    @Override
    public Integer call() {
        LrChart chart = chart();
        try {
            chart.write(output);
        } catch (IOException e) {
            throw Output.cannotWrite(output, e);
        }
        spec.commandLine().getOut().println(output);
        List<String> warnings = new ArrayList<>();
        for (Labelled l : drawn) {
            for (String w : ScheduleWarnings.of(l.config())) {
                warnings.add(series == null || series.isEmpty() ? w : "--series '" + l.label() + "': " + w);
            }
        }
        Output.warn(spec.commandLine().getErr(), warnings);
        return 0;
    }

    /**
     * The chart this command draws, not yet written.
     *
     * @throws UsageError naming the flag that is wrong
     */
    LrChart chart() {
        try {
            LrChart.Format.of(output);
        } catch (IllegalArgumentException e) {
            throw new UsageError("-o: " + e.getMessage(), e);
        }
        if (updatesPerEpoch < 1) {
            throw new UsageError("--updates-per-epoch must be > 0, got " + updatesPerEpoch);
        }
        if (endEpoch != null && endEpoch < 1) {
            throw new UsageError("--end-epoch must be > 0, got " + endEpoch);
        }
        if (python.given()) {
            return pythonChart();
        }
        List<OptionSpec> baseOptions = scheduleOptions();
        List<String> base = new ArrayList<>();
        for (OptionSpec o : baseOptions) {
            base.addAll(asArgs(o));
        }
        List<Labelled> schedules = new ArrayList<>();
        if (series == null || series.isEmpty()) {
            schedules.add(new Labelled(base.isEmpty() ? "train.py defaults" : String.join(" ", base), schedule.toConfig()));
        } else {
            Set<String> labels = new HashSet<>();
            for (String s : series) {
                Labelled l = parseSeries(s, baseOptions);
                if (!labels.add(l.label())) {
                    throw new UsageError("--series: labels must be unique, got '" + l.label() + "' twice");
                }
                schedules.add(l);
            }
        }
        drawn = schedules;
        boolean onUpdates = schedules.get(0).config().schedOnUpdates();
        for (Labelled l : schedules) {
            if (l.config().schedOnUpdates() != onUpdates) {
                throw new UsageError("--series: all series must step on epochs, or all with --sched-on-updates");
            }
        }
        List<Created> created = new ArrayList<>();
        long end = 0;
        for (Labelled l : schedules) {
            Created c = create(l);
            created.add(c);
            end = Math.max(end, c.scheduler().numEpochs());
        }
        if (endEpoch != null) {
            end = endEpoch;
        }
        long points = onUpdates ? end * updatesPerEpoch : end;
        if (end < 1 || points > MAX_POINTS || (onUpdates && end > MAX_POINTS / updatesPerEpoch)) {
            throw new UsageError("--end-epoch: a series would hold " + (onUpdates ? end + " x " + updatesPerEpoch : end)
                    + " points, must be 1.." + MAX_POINTS);
        }
        String defaultTitle = schedules.size() == 1 && (series == null || series.isEmpty())
                ? "Learning rate: " + schedules.get(0).label()
                : "Learning rate" + (base.isEmpty() ? "" : ": " + String.join(" ", base));
        LrChart.Builder b = LrChart.builder()
                .title(title != null ? title : defaultTitle)
                .xLabel(onUpdates ? "update" : "epoch")
                .logY(logY)
                .size(width, height);
        try {
            for (Created c : created) {
                LrSeries s = trace(c.label(), c.scheduler().scheduler(), end, updatesPerEpoch);
                b.series(checkLogY(s));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw chartError(e);
        }
    }

    /** {@code --schedule}: the rate of each step {@code 0..steps-1} of the Python call. */
    private LrChart pythonChart() {
        if (schedule.given(org.lr4j.factory.SchedulerOption.SCHED) || (series != null && !series.isEmpty())) {
            throw new UsageError("--schedule replaces --sched and draws one series (no --series)");
        }
        CurveOptions.Curve curve = this.curve.run(python, schedule.toConfig(), MAX_POINTS,
                steps -> "--steps: a series would hold " + steps + " points, must be 1.." + MAX_POINTS);
        org.lr4j.python.ScheduleCall call = curve.call();
        List<PythonScheduleOptions.Row> rows = curve.rows();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i).step();
            y[i] = rows.get(i).lr();
        }
        try {
            return LrChart.builder().title(title != null ? title : call.source()).xLabel("step").logY(logY)
                    .size(width, height).series(checkLogY(LrSeries.of(call.name(), x, y))).build();
        } catch (IllegalArgumentException e) {
            throw chartError(e);
        }
    }

    /** {@code series}, refused with {@code --log-y}'s message when it has a rate <= 0 and the axis is logarithmic. */
    private LrSeries checkLogY(LrSeries series) {
        if (logY && series.minY() <= 0) {
            throw new UsageError("--log-y needs learning rates > 0, series '" + series.label() + "' has "
                    + series.minY());
        }
        return series;
    }

    /** A chart's or a schedule's refusal under its flag: {@code --width}, {@code --height}, or a schedule flag. */
    private static UsageError chartError(IllegalArgumentException e) {
        if (e instanceof InvalidValueException v && (v.parameter().equals("width") || v.parameter().equals("height"))) {
            return new UsageError(v.named("--" + v.parameter()).getMessage(), e);
        }
        return new UsageError(ScheduleOptions.asFlags(e), e);
    }

    private record Created(String label, CreatedScheduler scheduler) {
    }

    private Created create(Labelled l) {
        ParamGroupList groups = ParamGroupList.of(l.config().effectiveLr());
        try {
            return new Created(l.label(), SchedulerFactory.create(l.config(), groups, updatesPerEpoch));
        } catch (IllegalArgumentException e) {
            throw new UsageError((series == null || series.isEmpty() ? "" : "--series '" + l.label() + "': ")
                    + ScheduleOptions.asFlags(e), e);
        }
    }

    /**
     * The learning rate of the scheduler's first group driven as train.py drives it, epochs
     * {@code 0..end-1}: at the start of each epoch (epoch mode), or before each update (update mode).
     */
    static LrSeries trace(String label, LRScheduler s, long end, long updatesPerEpoch) {
        boolean onUpdates = !s.tInEpochs();
        int n = (int) (onUpdates ? end * updatesPerEpoch : end);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] i = {0};
        TrainLoop.drive(s, 0, end, updatesPerEpoch, null, new TrainLoop.Listener() {
            @Override
            public void epochStart(long epoch, double[] lrs) {
                if (!onUpdates) {
                    x[i[0]] = epoch;
                    y[i[0]++] = lrs[0];
                }
            }

            @Override
            public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                x[i[0]] = numUpdates;
                y[i[0]++] = lrs[0];
            }
        });
        return LrSeries.of(label, x, y);
    }

    /** The schedule flags given on the command line, in order. */
    private List<OptionSpec> scheduleOptions() {
        Set<OptionSpec> mixin = new HashSet<>(spec.mixins().get("schedule").options());
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (mixin.contains(o) || ScheduleOptions.owns(o)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Arguments that give option {@code o} again with the values it was given. */
    private static List<String> asArgs(OptionSpec o) {
        List<String> args = new ArrayList<>();
        List<String> values = o.originalStringValues();
        if (values.isEmpty()) {
            args.add(o.longestName());
        } else if (o.isMultiValue()) {
            args.add(o.longestName());
            args.addAll(values);
        } else {
            args.add(o.longestName() + "=" + values.get(values.size() - 1));
        }
        return args;
    }

    /**
     * Parses {@code 'LABEL: FLAGS'}: the label ends at the first colon followed by a blank (or the end);
     * FLAGS are schedule flags, split at blanks, with '...' or "..." quoting.
     */
    private static Labelled parseSeries(String text, List<OptionSpec> base) {
        int colon = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            throw new UsageError("--series must be 'LABEL: FLAGS', got '" + text + "'");
        }
        String label = text.substring(0, colon).strip();
        if (label.isEmpty()) {
            throw new UsageError("--series needs a label before the colon, got '" + text + "'");
        }
        List<String> own = split(text.substring(colon + 1), label);
        // a flag of the series replaces the same flag given outside (lists included)
        Set<String> given = new HashSet<>();
        for (OptionSpec o : parse(new SeriesFlags(), own, label).matchedOptions()) {
            given.add(o.longestName());
        }
        List<String> merged = new ArrayList<>();
        for (OptionSpec o : base) {
            if (!given.contains(o.longestName())) {
                merged.addAll(asArgs(o));
            }
        }
        merged.addAll(own);
        SeriesFlags flags = new SeriesFlags();
        parse(flags, merged, label);
        try {
            return new Labelled(label, flags.schedule.toConfig());
        } catch (UsageError e) {
            throw new UsageError("--series '" + label + "': " + e.getMessage(), e);
        }
    }

    private static CommandLine.ParseResult parse(SeriesFlags holder, List<String> args, String label) {
        try {
            return new CommandLine(holder).parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new UsageError("--series '" + label + "': " + Lr4j.oneLine(e.getMessage()), e);
        }
    }

    /** Splits FLAGS at blanks; '...' and "..." quote blanks. */
    static List<String> split(String flags, String label) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < flags.length(); i++) {
            char c = flags.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new UsageError("--series '" + label + "': unclosed quote " + quote);
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The schedule flags of one {@code --series}. */
    @Command(name = "series", modelTransformer = ScheduleOptions.Install.class)
    static final class SeriesFlags {
        @Mixin
        ScheduleOptions schedule;
    }
}
