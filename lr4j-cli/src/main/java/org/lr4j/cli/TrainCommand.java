package org.lr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.lr4j.train.Checkpoint;
import org.lr4j.train.ImageClassifierTrainer;
import org.lr4j.train.CurvesPlot;
import org.lr4j.train.LrPlot;
import org.lr4j.train.TrainConfig;
import org.lr4j.train.SummaryRow;
import org.lr4j.train.TrainResult;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.factory.ScheduleWarnings;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerOption;
import org.lr4j.plot.CurvesChart;
import org.lr4j.plot.LrChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
 * flag not given comes from the run folder's {@code args.json} (or, for a checkpoint copied without its
 * folder, from the checkpoint's own record of the flags), so {@code lr4j train --resume RUN/last.ckpt}
 * continues the run as it was started.
 *
 * <p>Output: the run folder ({@code summary.csv}, {@code args.json}, {@code run.json}, {@code last.ckpt},
 * {@code best.ckpt}, {@code lr.png}, {@code curves.png}); one line before the first epoch, one line per
 * epoch (stdout), a progress bar within each epoch on stderr when it is a terminal ({@link TrainProgress}),
 * and one {@code lr4j: warning:} line when the schedule cannot work as meant.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = {"Train an image classifier with the schedule, as timm's train.py does (DJL, PyTorch engine, CPU).",
            "Without DATA_DIR: the built-in shapes, model smallcnn, " + TrainCommand.BUILTIN_EPOCHS + " epochs unless --epochs says otherwise."})
final class TrainCommand implements Callable<Integer> {
    /** Epochs on the built-in data when neither {@code --epochs} nor an args file gives them. */
    static final long BUILTIN_EPOCHS = 20;

    /** Epochs on {@code --dataset fashion-mnist} when neither {@code --epochs} nor an args file gives them. */
    static final long FASHION_MNIST_EPOCHS = 10;

    /** {@code --epochs}' help here: its default depends on the data. */
    static final String EPOCHS_HELP = "Epochs to train; t_initial (default: " + BUILTIN_EPOCHS + " on the built-in data,"
            + " " + FASHION_MNIST_EPOCHS + " on fashion-mnist, " + SchedulerOption.EPOCHS.defaultText() + " on an image folder).";

    /**
     * Gives the train command's {@code --epochs} (a schedule flag shared with table and plot, whose help
     * says train.py's default 300) the help of its data-dependent default, keeping the options' order.
     */
    static void describeEpochs(CommandSpec spec) {
        List<OptionSpec> all = new ArrayList<>(spec.options());
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).longestName().equals("--epochs")) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        List<OptionSpec> tail = new ArrayList<>(all.subList(at, all.size()));
        for (OptionSpec o : tail) {
            spec.remove(o);
        }
        for (OptionSpec o : tail) {
            spec.addOption(o.longestName().equals("--epochs") ? OptionSpec.builder(o).description(EPOCHS_HELP).build() : o);
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA_DIR",
            description = "Image folder with train/ and val/ (or validation/), one sub-folder per class"
                    + " (default: the built-in coloured shapes, 4 classes, 32 x 32).")
    Path dataDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data's folder, as DATA_DIR; with --dataset fashion-mnist the folder of its four .gz"
                    + " files (default: /usr/share/datasets/fashion-mnist).")
    Path dataDirOption;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "fashion-mnist (or timm's torch/fashion_mnist): Fashion-MNIST from its IDX files;"
                    + " defaults then: --model smallcnn --img-size 28 --epochs " + FASHION_MNIST_EPOCHS + ".")
    String dataset;

    @Option(names = "--train-size", paramLabel = "N",
            description = "With --dataset: train on the first N training images (default: all 60,000).")
    Integer trainSize;

    @Option(names = "--in-chans", paramLabel = "N",
            description = "The model's input channels (default: the data's; 1 for fashion-mnist, else 3).")
    Integer inChans;

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

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue the run of this checkpoint (last.ckpt) exactly where it stopped; flags not given come"
                    + " from its folder's args.json (without one, from the checkpoint's record of them), and only --output,"
                    + " --threads and --epochs may differ from the run's.")
    Path resume;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch threads (default: one per core, or on --resume the run's; 1 is faster when other"
                    + " processes share the cores). Results repeat bit for bit for the same count only.")
    Integer threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (resume != null && schedule.fromArgs == null) {
            Path args = resume.toAbsolutePath().getParent().resolve("args.json");
            if (Files.isRegularFile(args)) {
                schedule.fromArgs = args;
            } else if (Files.isRegularFile(resume)) {
                // a checkpoint copied without its folder: the run's flags as the checkpoint recorded them
                try {
                    schedule.fromArgsMap = Checkpoint.read(resume).args();
                } catch (IllegalArgumentException e) {
                    throw new UsageError(e.getMessage(), e);
                }
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
            if (schedule.given(org.lr4j.factory.SchedulerOption.SCHED)) {
                throw new UsageError("--schedule replaces --sched");
            }
            python.call(); // a call lr4j cannot read fails here, before any data is loaded
        }
        Map<String, Object> base = schedule.fromArgs != null ? Json.readMap(schedule.fromArgs)
                : schedule.fromArgsMap != null ? schedule.fromArgsMap : Map.of();
        SchedulerConfig sc = schedule.toConfig();
        if (dataDir != null && dataDirOption != null && !dataDir.equals(dataDirOption)) {
            throw new UsageError("--data-dir " + dataDirOption + " and DATA_DIR " + dataDir
                    + " name different folders; give one");
        }
        Path data = dataDir != null ? dataDir : dataDirOption != null ? dataDirOption : path(base, "data_dir");
        String ds = dataset != null ? dataset : string(base, "dataset");
        if (!schedule.given(SchedulerOption.EPOCHS) && schedule.fromArgs == null && schedule.fromArgsMap == null) {
            if (ds != null) {
                sc = sc.toBuilder().epochs(FASHION_MNIST_EPOCHS).build();
            } else if (data == null) {
                sc = sc.toBuilder().epochs(BUILTIN_EPOCHS).build();
            }
        }
        TrainConfig config;
        try {
            TrainConfig.Builder b = TrainConfig.builder(sc).dataDir(data).resume(resume).output(output)
                    .dataset(ds)
                    .trainSize(trainSize != null ? trainSize : integer(base, "train_size"))
                    .inChans(inChans != null ? inChans : integer(base, "in_chans"))
                    .model(model != null ? model : string(base, "model"))
                    .imgSize(imgSize != null ? imgSize : integer(base, "img_size"))
                    .threads(threads != null ? threads : integer(base, "threads"))
                    .pythonSchedule(python.schedule != null ? python.schedule : string(base, "schedule"),
                            python.steps != null ? python.steps : longOrNull(base, "steps"),
                            stepOn != null ? onUpdates : "updates".equals(string(base, "step_on")));
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
        TrainProgress progress = new TrainProgress(out, err, TrainProgress.terminalWidth(), sc.batchSize(),
                python.given() ? List.of() : ScheduleWarnings.of(sc));
        TrainResult result;
        try {
            result = ImageClassifierTrainer.run(config, progress, plot(sc), curves(sc));
        } catch (org.lr4j.python.PythonCallException e) {
            progress.clearBar();
            throw new UsageError("--schedule: " + e.oneLine(), e);
        } catch (IllegalArgumentException e) {
            progress.clearBar();
            throw new UsageError(asFlags(e), e);
        } catch (IOException e) {
            progress.clearBar();
            throw Output.cannotWrite(output != null ? output : Path.of("the run folder"), e);
        }
        String metric = sc.evalMetric();
        if (result.bestEpoch() >= 0) {
            if (resume == null && result.trainNanos() > 0) {
                out.printf(Locale.ROOT, "training: %.1f images/s (%d images in %.1f s of training loops, evaluation"
                        + " excluded)%n", result.numUpdates() * sc.batchSize() / (result.trainNanos() / 1e9),
                        result.numUpdates() * sc.batchSize(), result.trainNanos() / 1e9);
            }
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

    /**
     * {@code curves.png}: train/eval loss and eval top-1 per epoch, the lr on a second axis
     * ({@link CurvesChart}).
     */
    private static CurvesPlot curves(SchedulerConfig sc) {
        return (out, rows) -> CurvesChart.of("lr4j train --sched " + sc.sched(), List.of(run("run", rows))).writePng(out);
    }

    /** A run's summary rows as the chart's columns. */
    static CurvesChart.Run run(String label, List<SummaryRow> rows) {
        int n = rows.size();
        double[] epoch = new double[n];
        double[] trainLoss = new double[n];
        double[] evalLoss = new double[n];
        double[] top1 = new double[n];
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            SummaryRow r = rows.get(i);
            epoch[i] = r.epoch();
            trainLoss[i] = r.trainLoss();
            evalLoss[i] = r.evalLoss();
            top1[i] = r.evalTop1();
            lr[i] = r.lr();
        }
        return new CurvesChart.Run(label, epoch, trainLoss, evalLoss, top1, lr);
    }

    /** The message of {@code e}, under the flag of its parameter when that is a train.py argument. */
    static String asFlags(IllegalArgumentException e) {
        if (e instanceof InvalidValueException v && List.of("model", "momentum", "weight_decay", "img_size", "threads",
                "dataset", "train_size", "in_chans")
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

    private static Long longOrNull(Map<String, Object> base, String key) {
        Integer i = integer(base, key);
        return i == null ? null : i.longValue();
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
}
