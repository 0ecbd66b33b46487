package org.lr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.lr4j.train.EpochResult;
import org.lr4j.train.ImageClassifierTrainer;
import org.lr4j.train.LrPlot;
import org.lr4j.train.RunInfo;
import org.lr4j.train.TrainConfig;
import org.lr4j.train.TrainListener;
import org.lr4j.train.TrainResult;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerOption;
import org.lr4j.plot.LrChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j train [DATA_DIR] [train.py flags] [--output DIR] [--resume CHECKPOINT]}: trains an image
 * classifier with DJL under the chosen schedule, as {@code python train.py DATA_DIR --sched tanh} does
 * (see {@link ImageClassifierTrainer}). Without DATA_DIR it trains the small CNN on the built-in
 * coloured shapes, for {@value #BUILTIN_EPOCHS} epochs unless {@code --epochs} says otherwise.
 *
 * <p>Model, momentum, weight decay, image size and data folder not given as flags come from
 * {@code --from-args} (a timm {@code args.yaml}); with {@code --resume} and no {@code --from-args}, every
 * flag not given comes from the run folder's {@code args.json}, so {@code lr4j train --resume
 * RUN/last.ckpt} continues the run as it was started.
 *
 * <p>Output: the run folder ({@code summary.csv}, {@code args.json}, {@code last.ckpt}, {@code best.ckpt},
 * {@code lr.png}); one line before the first epoch, one line per epoch (stdout), a progress bar per epoch on
 * stderr when it is a terminal.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = {"Train an image classifier with the schedule, as timm's train.py does (DJL, PyTorch engine, CPU).",
            "Without DATA_DIR: the built-in shapes, model smallcnn, " + TrainCommand.BUILTIN_EPOCHS + " epochs unless --epochs says otherwise."})
final class TrainCommand implements Callable<Integer> {
    /** Epochs on the built-in data when neither {@code --epochs} nor an args file gives them. */
    static final long BUILTIN_EPOCHS = 20;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA_DIR",
            description = "Image folder with train/ and val/ (or validation/), one sub-folder per class"
                    + " (default: the built-in coloured shapes, 4 classes, 32 x 32).")
    Path dataDir;

    @Mixin
    ScheduleOptions schedule;

    @Mixin
    PythonScheduleOptions python;

    @Option(names = "--step-on", paramLabel = "updates|epochs",
            description = "With --schedule: one schedule step per optimizer update or per epoch (default: epochs).")
    String stepOn;

    @Option(names = "--model", paramLabel = "NAME",
            description = "smallcnn, resnet18, resnet34, resnet50 (default: smallcnn on the built-in data, else resnet50).")
    String model;

    @Option(names = "--momentum", paramLabel = "M", description = "Optimizer momentum (default: 0.9).")
    Double momentum;

    @Option(names = {"--weight-decay", "--wd"}, paramLabel = "WD",
            description = "Weight decay; biases and norms get none (default: 2e-5).")
    Double weightDecay;

    @Option(names = "--img-size", paramLabel = "N", description = "Image size (default: 32 on the built-in data, else 224).")
    Integer imgSize;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Run folder (default: output/train/<time>-<model>-<img-size>; on --resume, the checkpoint's).")
    Path output;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the run of this checkpoint (last.ckpt).")
    Path resume;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch threads (default: one per core; 1 is faster when other processes share the cores).")
    Integer threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (resume != null && schedule.fromArgs == null) {
            Path args = resume.toAbsolutePath().getParent().resolve("args.json");
            if (Files.isRegularFile(args)) {
                schedule.fromArgs = args;
            }
        }
        boolean onUpdates = false;
        if (stepOn != null) {
            if (!python.given()) {
                throw new UsageError("--step-on needs --schedule (timm's --sched steps on updates with --sched-on-updates)");
            }
            if (!stepOn.equals("updates") && !stepOn.equals("epochs")) {
                throw new UsageError("--step-on must be updates or epochs, got " + stepOn);
            }
            onUpdates = stepOn.equals("updates");
        }
        if (python.given()) {
            if (schedule.given(org.lr4j.factory.SchedulerOption.SCHED) || resume != null) {
                throw new UsageError("--schedule replaces --sched, and a --schedule run cannot be resumed yet");
            }
            python.call(); // a call lr4j cannot read fails here, before any data is loaded
        }
        Map<String, Object> base = schedule.fromArgs == null ? Map.of() : Json.readMap(schedule.fromArgs);
        SchedulerConfig sc = schedule.toConfig();
        Path data = dataDir != null ? dataDir : path(base, "data_dir");
        if (data == null && !schedule.given(SchedulerOption.EPOCHS) && schedule.fromArgs == null) {
            sc = sc.toBuilder().epochs(BUILTIN_EPOCHS).build();
        }
        TrainConfig config;
        try {
            TrainConfig.Builder b = TrainConfig.builder(sc).dataDir(data).resume(resume).output(output)
                    .model(model != null ? model : string(base, "model"))
                    .imgSize(imgSize != null ? imgSize : integer(base, "img_size"))
                    .threads(threads != null ? threads : integer(base, "threads"))
                    .pythonSchedule(python.schedule, python.steps, onUpdates);
            Double m = momentum != null ? momentum : number(base, "momentum");
            if (m != null) {
                b.momentum(m);
            }
            Double wd = weightDecay != null ? weightDecay : number(base, "weight_decay");
            if (wd != null) {
                b.weightDecay(wd);
            }
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageError(asFlags(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(out, err, System.console() != null);
        TrainResult result;
        try {
            result = ImageClassifierTrainer.run(config, progress, plot(sc));
        } catch (org.lr4j.python.PythonCallException e) {
            progress.clearBar();
            throw new UsageError("--schedule: " + e.oneLine(), e);
        } catch (IllegalArgumentException e) {
            progress.clearBar();
            throw new UsageError(asFlags(e), e);
        } catch (IOException e) {
            progress.clearBar();
            throw new UncheckedIOException("cannot write the run folder: " + Output.describe(e), e);
        }
        String metric = sc.evalMetric();
        if (result.bestEpoch() >= 0) {
            out.printf(Locale.ROOT, "best eval_%s %.4f at epoch %d; run folder %s%n", metric, result.bestMetric(),
                    result.bestEpoch(), result.runDir());
        } else {
            out.printf(Locale.ROOT, "no epoch left to train; run folder %s%n", result.runDir());
        }
        out.flush();
        return 0;
    }

    /** {@code lr.png}: the summary's {@code lr} against {@code epoch}, drawn by lr4j-plot. */
    private static LrPlot plot(SchedulerConfig sc) {
        return (out, rows) -> {
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i).epoch();
                y[i] = rows.get(i).lr();
            }
            LrChart chart = LrChart.builder().title("lr4j train --sched " + sc.sched() + " (mean lr over groups)")
                    .xLabel("epoch").series(sc.sched(), x, y).build();
            BitmapEncoder.saveBitmap(chart.toXChart(), out, BitmapEncoder.BitmapFormat.PNG);
        };
    }

    /** The message of {@code e}, under the flag of its parameter when that is a train.py argument. */
    static String asFlags(IllegalArgumentException e) {
        if (e instanceof InvalidValueException v && List.of("model", "momentum", "weight_decay", "img_size", "threads")
                .contains(v.parameter())) {
            return v.named("--" + v.parameter().replace('_', '-')).getMessage();
        }
        return ScheduleOptions.asFlags(e);
    }

    private static Path path(Map<String, Object> base, String key) {
        String s = string(base, key);
        return s == null ? null : Paths.get(s);
    }

    private static String string(Map<String, Object> base, String key) {
        Object v = base.get(key);
        return v == null ? null : v.toString();
    }

    private static Double number(Map<String, Object> base, String key) {
        Object v = base.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new UsageError("--from-args: " + key + " must be a number, got " + v, e);
        }
    }

    private static Integer integer(Map<String, Object> base, String key) {
        Double d = number(base, key);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new UsageError("--from-args: " + key + " must be a whole number, got " + base.get(key));
        }
        return d.intValue();
    }

    /** One line per epoch on stdout; a progress bar on stderr when it is a terminal. */
    private static final class Progress implements TrainListener {
        private static final int WIDTH = 24;
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean bar;
        private long numEpochs;
        private boolean barShown;

        Progress(PrintWriter out, PrintWriter err, boolean bar) {
            this.out = out;
            this.err = err;
            this.bar = bar;
        }

        @Override
        public void onStart(RunInfo i) {
            numEpochs = i.numEpochs();
            out.printf(Locale.ROOT, "train: %s, %d classes, %d train / %d val images; %s (%,d parameters); opt %s;"
                    + " epochs %d to %d of %d, %d updates each; run folder %s%n", i.data(), i.classes().size(),
                    i.trainImages(), i.valImages(), i.model(), i.parameters(), i.opt(), i.startEpoch(),
                    i.numEpochs() - 1, i.numEpochs(), i.updatesPerEpoch(), i.runDir());
            out.flush();
        }

        @Override
        public void onBatch(long epoch, long batch, long batches, double lossAvg, double lr) {
            if (!bar) {
                return;
            }
            int done = (int) (WIDTH * batch / batches);
            err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f lr %.4g ", epoch, numEpochs - 1,
                    "#".repeat(done), "-".repeat(WIDTH - done), batch, batches, lossAvg, lr);
            err.flush();
            barShown = true;
        }

        @Override
        public void onEpoch(EpochResult r) {
            clearBar();
            var row = r.row();
            out.printf(Locale.ROOT, "epoch %d/%d  train_loss %.4f  eval_loss %.4f  top1 %.2f  top5 %.2f  lr %.6g"
                    + "  %.1fs%s%n", row.epoch(), r.numEpochs() - 1, row.trainLoss(), row.evalLoss(), row.evalTop1(),
                    row.evalTop5(), row.lr(), r.seconds(), r.best() ? "  *best" : "");
            out.flush();
        }

        void clearBar() {
            if (barShown) {
                err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
                err.flush();
                barShown = false;
            }
        }
    }
}
