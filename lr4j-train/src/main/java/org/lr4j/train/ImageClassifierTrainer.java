package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import org.lr4j.djl.DjlParamGroups;
import org.lr4j.djl.GroupedOptimizer;
import org.lr4j.djl.OptimizerState;
import org.lr4j.djl.Optimizers;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.factory.TrainLoop;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.state.AtomicFiles;

/**
 * Trains an image classifier with DJL (PyTorch engine, CPU) under an lr4j schedule, as timm's
 * {@code python train.py DATA --sched tanh} does.
 *
 * <ol>
 *   <li>{@link DjlEnvironment#configure()}: offline, no usage tracking, engine cache in
 *       {@code ~/.lr4j/djl}.</li>
 *   <li>Data: {@link ImageFolderData} for {@code DATA_DIR}, else {@link BuiltinShapes}. Model:
 *       {@link Models}. Parameter groups: {@link DjlParamGroups#timm} at train.py's learning rate
 *       ({@link SchedulerConfig#effectiveLr()}). Optimizer: {@link Optimizers}. Schedule:
 *       {@link SchedulerFactory#create} with {@code updates_per_epoch = floor(train images /
 *       batch_size)} (train.py drops the last partial batch), which also gives the number of epochs.</li>
 *   <li>Each epoch {@code e}: shuffled batches (order seeded by {@code seed} and {@code e}); after each
 *       update {@code step_update(num_updates, loss_avg)}; evaluation (loss, top-1, top-5); the summary's
 *       {@code lr} (mean over groups); {@code step(e + 1, eval_metric)}; the summary row
 *       ({@code summary.csv}) and the epoch's times ({@code run.json}, {@link RunFolder}); {@code curves.png}
 *       when a {@link CurvesPlot} is given; checkpoint {@code last.ckpt}, and {@code best.ckpt} when the eval metric
 *       is the best so far (higher for top1/top5, lower for loss). Every file is written atomically.</li>
 *   <li>Resume ({@link TrainConfig#resume()}): the checkpoint is checked whole first ({@link Checkpoint#read});
 *       every argument but {@code output}, {@code threads} and {@code epochs} must equal the checkpoint's,
 *       and the data its classes and image counts (else an {@link IllegalArgumentException} naming the
 *       argument). Then model parameters (batch-norm running statistics included), the optimizer's state,
 *       the scheduler's state (plateau counters included), the best metric and the counters are restored,
 *       train.py's resume call follows ({@code TrainLoop.resume}), and the run continues at the
 *       checkpoint's epoch in its run folder (or {@code output}); summary rows of epochs not yet
 *       checkpointed are dropped, so every epoch appears once. A run killed in the middle of an epoch
 *       resumes from the start of that epoch.</li>
 * </ol>
 *
 * <p>Exact continuation: with the same flags and thread count, a resumed run writes the
 * {@code summary.csv} the uninterrupted run writes ({@code ExactResumeTest}, {@code KilledRunTest}). This
 * rests on determinism: epoch {@code e}'s order is a function of {@code (seed, e)}, the lr noise of
 * {@code (noise_seed, t)}, and PyTorch's CPU kernels that these models use (convolution, batch norm,
 * pooling, linear, log-softmax) have no nondeterministic variant on CPU (PyTorch's
 * {@code use_deterministic_algorithms} lists CUDA kernels and a few indexing ones unused here); their
 * reductions are split across threads, so results are bitwise repeatable for a fixed thread count only
 * (oneDNN and MKL promise run-to-run reproducibility on the same machine, library build and thread
 * count). Two runs, or a run and its resumption, on different {@code threads} agree to rounding only, so a
 * checkpoint records the thread count in effect and a resumed run without {@code threads} uses it.
 * DJL 0.36 exposes no switch for PyTorch's deterministic mode, and none is needed on CPU.
 *
 * <p>Before the engine starts it makes PyTorch's OpenMP threads wait passively and raises glibc's malloc
 * thresholds ({@code NativeTuning}): on shared cores, spinning threads and per-step page faults otherwise
 * dominate a step's time. For {@code resnet50} it also caps oneDNN at SSE4.1, whose faster kernels crash
 * in ResNet-50's backward pass on this project's machines (see {@code NativeTuning}); this takes effect
 * only if the engine was not loaded yet in the process.
 *
 * <p>The command line calls {@code run(config, listener, plot)}: a listener renders progress, the plot
 * (lr4j-plot) writes {@code lr.png}; an {@link IllegalArgumentException} is bad input (the message names
 * the flag or file), an {@link IOException} a failure to write the run folder.
 */
public final class ImageClassifierTrainer {
    private static final String ENGINE = "PyTorch";

    private ImageClassifierTrainer() {
    }

    /**
     * {@link #run(TrainConfig, TrainListener, LrPlot)} without listener and plot.
     *
     * @throws IllegalArgumentException on bad input (see the full form)
     * @throws IOException when the run folder cannot be written
     */
    public static TrainResult run(TrainConfig config) throws IOException {
        return run(config, null, null);
    }


    /**
     * {@code --schedule}: the Python call built on the groups (SGD's momentum joined to them for
     * {@code sgd}/{@code nesterov}/{@code momentum}, Adam's {@code betas[0]} = 0.9 for {@code adam}/{@code adamw}, so that
     * OneCycleLR/CyclicLR can cycle it), driven by the train loop one
     * step per epoch or per update; the run lasts the epochs that hold its steps (the rate stays at the last
     * step's in the rest of the last epoch).
     */
    private static CreatedScheduler pythonSchedule(TrainConfig config, DjlParamGroups groups, long upe) {
        String opt = config.schedule().opt().toLowerCase(java.util.Locale.ROOT);
        if (opt.equals("sgd") || opt.equals("nesterov") || opt.equals("momentum")) {
            groups.withMomentum(config.momentum());
        } else if (opt.equals("adam") || opt.equals("adamw")) {
            groups.withBeta1(0.9);
        }
        org.lr4j.python.ScheduleCall call = org.lr4j.python.ScheduleCall.parse(config.pythonSchedule());
        long steps;
        if (config.scheduleSteps() != null) {
            steps = config.scheduleSteps();
        } else if (call.length().isPresent()) {
            steps = call.length().getAsLong();
        } else {
            throw new IllegalArgumentException("steps must be given: " + call.name() + " has no length of its own");
        }
        org.lr4j.torch.TorchScheduler s = call.build(groups, groups.lr(0));
        long epochs = config.stepOnUpdates() ? (steps + upe - 1) / upe : steps;
        return new CreatedScheduler(org.lr4j.compose.TrainLoopScheduler.of(s, config.stepOnUpdates(), steps), epochs);
    }

    /**
     * Trains as the class comment says.
     *
     * @param config what to train
     * @param listener progress callbacks, or null
     * @param plot draws {@code lr.png} at the end, or null for none
     * @return the finished run
     * @throws IllegalArgumentException naming the flag or file: a missing or malformed data folder, no
     *     classes or images, a batch size above the training images, a missing or corrupt checkpoint,
     *     or one of another model, classes, image size or scheduler; an output folder that holds another
     *     run; an unreadable image
     * @throws IOException when the run folder cannot be written
     */
    public static TrainResult run(TrainConfig config, TrainListener listener, LrPlot plot) throws IOException {
        return run(config, listener, plot, null);
    }

    /**
     * Trains as the class comment says, and draws {@code curves.png} after every epoch.
     *
     * @param config what to train
     * @param listener progress callbacks, or null
     * @param plot draws {@code lr.png} at the end, or null for none
     * @param curves draws {@code curves.png} after every epoch, or null for none
     * @return the finished run
     * @throws IllegalArgumentException as {@link #run(TrainConfig, TrainListener, LrPlot)}
     * @throws IOException when the run folder cannot be written
     */
    public static TrainResult run(TrainConfig config, TrainListener listener, LrPlot plot, CurvesPlot curves)
            throws IOException {
        DjlEnvironment.configure();
        TrainListener out = listener != null ? listener : new TrainListener() { };
        SchedulerConfig sc = config.schedule();
        Checkpoint ckpt = config.resume() == null ? null : Checkpoint.read(config.resume());
        ImageDataset data = config.dataset() != null
                ? FashionMnistData.open(config.dataDir(), config.trainSize(), config.imgSize())
                : config.dataDir() == null
                ? BuiltinShapes.create(config.builtinTrainPerClass(), config.builtinValPerClass(), config.imgSize())
                : ImageFolderData.open(config.dataDir(), config.imgSize());
        if (ckpt != null) {
            checkCompatible(ckpt, config, data);
        }
        int batch = (int) sc.batchSize();
        int trainSize = data.train().size();
        long upe = trainSize / batch;
        if (upe < 1) {
            throw new InvalidValueException("batch_size",
                    "must be <= the " + trainSize + " training images of " + data.source(), String.valueOf(batch));
        }
        Path runDir = runDir(config);
        Path summaryFile = runDir.resolve("summary.csv");
        long startEpoch = ckpt == null ? 0 : ckpt.epoch();
        List<SummaryRow> rows = new ArrayList<>();
        if (ckpt == null) {
            if (Files.exists(summaryFile)) {
                throw new IllegalArgumentException("output " + runDir + " already holds a run (summary.csv);"
                        + " choose another output folder or resume from its checkpoint");
            }
        } else {
            // the rows before the checkpoint: this run folder's, or, in a new --output folder, the checkpoint's
            // (none for a checkpoint copied on its own: the new summary.csv then starts at the checkpoint's epoch)
            Path earlier = Files.exists(summaryFile) ? summaryFile
                    : config.resume().toAbsolutePath().getParent().resolve("summary.csv");
            for (SummaryRow r : Files.exists(earlier) ? SummaryCsv.read(earlier) : List.<SummaryRow>of()) {
                if (r.epoch() < startEpoch) {
                    rows.add(r);
                }
            }
        }

        // on resume without threads, the run's own thread count: results are bitwise repeatable for a fixed count
        Integer threads = config.threads() != null ? config.threads()
                : ckpt != null && ckpt.args().get("threads") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        NativeTuning.keepFreedMemory();
        String openMpWait = NativeTuning.openMpWait(threads != null ? threads : Runtime.getRuntime().availableProcessors());
        if (config.model().equals("resnet50")) {
            NativeTuning.oneDnnIsa("SSE41");
        }
        Engine engine = Engine.getEngine(ENGINE);
        NativeTuning.quietly(() -> {
            try (NDManager m = engine.newBaseManager(Device.cpu())) {
                m.zeros(new Shape(1)).copyTo(m.zeros(new Shape(1)));
            }
        });
        engine.setRandomSeed((int) sc.seed());
        JniUtils.setGradMode(false);
        if (threads != null) {
            JniUtils.setNumThreads(threads);
        }
        AtomicFiles.createDirectories(runDir);

        int s = config.imgSize();
        int c = config.inChans();
        try (Model model = Model.newInstance("lr4j-" + config.model(), Device.cpu(), ENGINE)) {
            Block block = Models.create(config.model(), data.classes().size(), s, c);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, c, s, s));
            TorchInit.apply(block, model.getNDManager(), TorchInit.schemeOf(config.model()));
            if (ckpt != null) {
                try {
                    block.loadParameters(model.getNDManager(),
                            new DataInputStream(new ByteArrayInputStream(ckpt.modelParams())));
                } catch (MalformedModelException | IOException e) {
                    throw new IllegalArgumentException("checkpoint " + config.resume() + " holds parameters that do"
                            + " not fit model " + config.model() + ": " + e.getMessage(), e);
                }
            }
            DjlParamGroups groups = DjlParamGroups.timm(block.getParameters(), sc.effectiveLr(), config.weightDecay());
            CreatedScheduler created = config.pythonSchedule() == null ? SchedulerFactory.create(sc, groups, upe)
                    : pythonSchedule(config, groups, upe);
            LRScheduler scheduler = created.scheduler();
            if (ckpt != null) {
                try {
                    if (scheduler instanceof org.lr4j.compose.TrainLoopScheduler torch) {
                        if (ckpt.torchSchedule() == null) {
                            throw new IllegalArgumentException("it holds no state of a --schedule (a timm --sched"
                                    + " run's, or one written by an lr4j that did not keep it); --schedule runs"
                                    + " resume from checkpoints that do");
                        }
                        torch.restore(ckpt.torchSchedule());
                    } else if (ckpt.torchSchedule() != null) {
                        throw new IllegalArgumentException("it holds the state of a --schedule, not of --sched "
                                + config.schedule().sched());
                    } else {
                        scheduler.restore(ckpt.schedulerState());
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("checkpoint " + config.resume() + ": " + e.getMessage(), e);
                }
            }
            TrainLoop driver = TrainLoop.timed(scheduler, upe);
            driver.resume(startEpoch);
            GroupedOptimizer optimizer = Optimizers.create(sc.opt(), groups, config.momentum(), startEpoch * upe);
            if (ckpt != null) {
                try {
                    optimizer.restore(ckpt.optimizerState());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("checkpoint " + config.resume() + ": " + e.getMessage(), e);
                }
            }
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(batch, c, s, s));
                // only now that everything is restored: a refused resume leaves the run folder as it was
                writeArgs(runDir.resolve("args.json"), config.toArgs());
                out.onStart(new RunInfo(runDir, data.source(), data.classes(), trainSize, data.val().size(),
                        config.model(), countScalars(block), Optimizers.checkName(sc.opt()), groups.toString(), upe,
                        startEpoch, created.numEpochs(), JniUtils.getNumThreads(),
                        openMpWait == null ? "unknown" : openMpWait));
                Loop loop = new Loop(config, data, trainer, block, groups, optimizer, driver, out, runDir, upe);
                loop.args.put("threads", JniUtils.getNumThreads());
                loop.curves = curves;
                RunFolder.Meta meta = ckpt == null ? null : RunFolder.meta(runDir);
                loop.meta = (meta == null ? new RunFolder.Meta(List.of()) : meta).before(startEpoch);
                loop.bestEpoch = ckpt == null ? -1 : ckpt.bestEpoch();
                loop.bestMetric = ckpt == null ? Double.NaN : ckpt.bestMetric();
                for (long epoch = startEpoch; epoch < created.numEpochs(); epoch++) {
                    rows.add(loop.epoch(epoch, created.numEpochs(), rows));
                }
                if (plot != null && !rows.isEmpty()) {
                    writePlot(plot, runDir, rows);
                }
                return new TrainResult(runDir, rows, loop.bestEpoch, loop.bestMetric, driver.numUpdates(),
                        loop.trainNanos, driver.schedulerNanos());
            }
        }
    }

    /** One run's state across epochs. */
    private static final class Loop {
        private final TrainConfig config;
        private final ImageDataset data;
        private final Trainer trainer;
        private final Block block;
        private final DjlParamGroups groups;
        private final GroupedOptimizer optimizer;
        private final TrainLoop driver;
        private final TrainListener out;
        private final Path runDir;
        private final long upe;
        private final int batch;
        private final int s;
        private final int c;
        private final float[] buffer;
        /** One image, channel-major, before it is interleaved into {@link #buffer} (more than one channel). */
        private final float[] chw;
        /** The arguments a checkpoint records: the run's, with the thread count in effect. */
        private final Map<String, Object> args;
        /**
         * The batch's images and labels in native memory, reused by every batch: DJL copies a Java array
         * into a new direct buffer at each {@code create}, which is freed only when the garbage collector
         * runs, so that native memory grew by about 400 KB per update (1 GB after three epochs of
         * Fashion-MNIST) until a collection.
         */
        private final ByteBuffer xDirect;
        private final ByteBuffer yDirect;
        private long bestEpoch;
        private double bestMetric;
        private long trainNanos;
        private CurvesPlot curves;
        private RunFolder.Meta meta;

        Loop(TrainConfig config, ImageDataset data, Trainer trainer, Block block, DjlParamGroups groups,
                GroupedOptimizer optimizer, TrainLoop driver, TrainListener out, Path runDir, long upe) {
            this.config = config;
            this.data = data;
            this.trainer = trainer;
            this.block = block;
            this.groups = groups;
            this.optimizer = optimizer;
            this.driver = driver;
            this.out = out;
            this.runDir = runDir;
            this.upe = upe;
            this.batch = (int) config.schedule().batchSize();
            this.s = config.imgSize();
            this.c = config.inChans();
            this.buffer = new float[batch * c * s * s];
            this.chw = new float[c * s * s];
            this.xDirect = ByteBuffer.allocateDirect(buffer.length * Float.BYTES).order(ByteOrder.nativeOrder());
            this.yDirect = ByteBuffer.allocateDirect(batch * Long.BYTES).order(ByteOrder.nativeOrder());
            this.args = new java.util.LinkedHashMap<>(config.toArgs());
        }

        SummaryRow epoch(long epoch, long numEpochs, List<SummaryRow> rows) throws IOException {
            long t0 = System.nanoTime();
            driver.beginEpoch(epoch);
            out.onEpochStart(epoch);
            long trainNanos0 = trainNanos;
            int[] order = shuffled(data.train().size(), config.schedule().seed(), epoch);
            double lossSum = 0;
            for (int b = 0; b < upe; b++) {
                long u0 = System.nanoTime();
                float loss;
                try (NDManager bm = trainer.getManager().newSubManager()) {
                    NDList[] xy = batch(bm, data.train(), order, b * batch, batch);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(xy[0]);
                        NDArray l = trainer.getLoss().evaluate(xy[1], logits);
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    trainer.step();
                }
                lossSum += loss;
                double lossAvg = lossSum / (b + 1);
                driver.afterUpdate(lossAvg);
                trainNanos += System.nanoTime() - u0;
                out.onBatch(epoch, b + 1, upe, lossAvg, groups.meanLr());
            }
            double trainLoss = lossSum / upe;
            double[] eval = evaluate();
            double lr = groups.meanLr();
            String metricName = config.schedule().evalMetric().toLowerCase(Locale.ROOT);
            double metric = switch (metricName) {
                case "loss" -> eval[0];
                case "top5" -> eval[2];
                default -> eval[1];
            };
            driver.endEpoch(epoch, metric);
            boolean best = Double.isNaN(bestMetric) || (metricName.equals("loss") ? metric < bestMetric : metric > bestMetric);
            if (best) {
                bestMetric = metric;
                bestEpoch = epoch;
            }
            SummaryRow row = new SummaryRow(epoch, trainLoss, eval[0], eval[1], eval[2], lr);
            List<SummaryRow> all = new ArrayList<>(rows);
            all.add(row);
            SummaryCsv.write(runDir.resolve("summary.csv"), all);
            meta = meta.plus(new RunFolder.EpochTime(epoch, (System.nanoTime() - t0) / 1e9, (trainNanos - trainNanos0) / 1e9,
                    upe * batch));
            RunFolder.writeMeta(runDir, meta);
            if (curves != null) {
                AtomicFiles.write(runDir.resolve("curves.png"), o -> curves.write(o, all));
            }
            OptimizerState state = optimizer.state();
            Checkpoint ckpt = new Checkpoint(epoch + 1, driver.numUpdates(), config.model(), data.classes(), s,
                    data.train().size(), data.val().size(), optimizer.opt(), driver.scheduler().state(), bestEpoch,
                    bestMetric, args, params(), state,
                    driver.scheduler() instanceof org.lr4j.compose.TrainLoopScheduler torch ? torch.loopState() : null);
            // best.ckpt first: a kill between the two leaves last.ckpt behind, and the resumed run redoes the
            // epoch and writes the same best.ckpt again
            if (best) {
                ckpt.write(runDir.resolve("best.ckpt"));
            }
            ckpt.write(runDir.resolve("last.ckpt"));
            // the epoch's wall time again, now with its checkpoints (written first without them: a kill in
            // between leaves the epoch's time a little short, never missing)
            meta = meta.before(epoch).plus(new RunFolder.EpochTime(epoch, (System.nanoTime() - t0) / 1e9,
                    (trainNanos - trainNanos0) / 1e9, upe * batch));
            RunFolder.writeMeta(runDir, meta);
            out.onEpoch(new EpochResult(row, numEpochs, driver.numUpdates(), (System.nanoTime() - t0) / 1e9, best));
            return row;
        }

        /** Validation: {loss, top1 %, top5 %}. */
        private double[] evaluate() {
            LabeledImages val = data.val();
            int n = val.size();
            int k = Math.min(5, data.classes().size());
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double loss = 0;
            long top1 = 0;
            long topk = 0;
            for (int start = 0; start < n; start += batch) {
                int m = Math.min(batch, n - start);
                try (NDManager bm = trainer.getManager().newSubManager()) {
                    NDList[] xy = batch(bm, val, order, start, m);
                    float[] logits = trainer.evaluate(xy[0]).singletonOrThrow().toFloatArray();
                    int c = logits.length / m;
                    for (int i = 0; i < m; i++) {
                        int label = val.label(start + i);
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < c; j++) {
                            max = Math.max(max, logits[i * c + j]);
                        }
                        double sum = 0;
                        int above = 0;
                        float target = logits[i * c + label];
                        for (int j = 0; j < c; j++) {
                            sum += Math.exp(logits[i * c + j] - max);
                            if (logits[i * c + j] > target) {
                                above++;
                            }
                        }
                        loss += Math.log(sum) + max - target;
                        top1 += above == 0 ? 1 : 0;
                        topk += above < k ? 1 : 0;
                    }
                }
            }
            return new double[] {loss / n, 100.0 * top1 / n, 100.0 * topk / n};
        }

        /**
         * The batch as a {@code (m, c, s, s)} array whose memory is channels-last ({@code (m, s, s, c)}
         * transposed, a view): PyTorch then keeps every activation of the network channels-last
         * (oneDNN's convolutions, batch norm, ReLU and pooling follow their input's layout), and PyTorch
         * 2.7.1's max pooling is far faster on channels-last input than on contiguous NCHW input (its NCHW
         * kernel was 40 % of a smallcnn update; one thread, a {@code (128, 16, 28, 28)} array: 10.4 ms
         * against 0.3 ms). The network and its results are the same, up to the order of float sums.
         */
        private NDList[] batch(NDManager bm, LabeledImages split, int[] order, int start, int m) {
            int size = c * s * s;
            int plane = s * s;
            if (m > batch) {
                throw new IllegalStateException("batch of " + m + " images > batch_size " + batch);
            }
            xDirect.clear();
            yDirect.clear();
            for (int i = 0; i < m; i++) {
                int index = order[start + i];
                if (c == 1) {
                    split.read(index, buffer, i * size);
                } else {
                    split.read(index, chw, 0);
                    for (int ch = 0; ch < c; ch++) {
                        for (int p = 0; p < plane; p++) {
                            buffer[i * size + p * c + ch] = chw[ch * plane + p];
                        }
                    }
                }
                yDirect.putLong(split.label(index));
            }
            xDirect.asFloatBuffer().put(buffer, 0, m * size);
            xDirect.limit(m * size * Float.BYTES);
            yDirect.flip();
            NDArray hwc = bm.create(xDirect, new Shape(m, s, s, c), DataType.FLOAT32);
            return new NDList[] {new NDList(hwc.transpose(0, 3, 1, 2)),
                new NDList(bm.create(yDirect, new Shape(m), DataType.INT64))};
        }

        private byte[] params() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream dos = new DataOutputStream(bytes)) {
                block.saveParameters(dos);
            }
            return bytes.toByteArray();
        }
    }

    /** A permutation of {@code 0..n-1} fixed by the seed and the epoch. */
    static int[] shuffled(int n, long seed, long epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Arguments a resumed run may change: where it writes, how many threads, how long it runs. */
    static final Set<String> MAY_DIFFER = Set.of("epochs", "output", "resume", "threads", "data_dir");

    /**
     * Refuses a checkpoint of another model, data, optimizer or schedule: every argument of the
     * checkpoint's run but {@link #MAY_DIFFER} must equal this run's; the data folder may move, but its
     * classes and image counts must stay.
     */
    static void checkCompatible(Checkpoint ckpt, TrainConfig config, ImageDataset data) {
        String file = "checkpoint " + config.resume();
        if (!ckpt.model().equals(config.model())) {
            throw mismatch("model", ckpt.model(), config.model(), file);
        }
        if (ckpt.imgSize() != config.imgSize()) {
            throw mismatch("img_size", ckpt.imgSize(), config.imgSize(), file);
        }
        Map<String, Object> now = config.toArgs();
        Set<String> keys = new java.util.LinkedHashSet<>(ckpt.args().keySet());
        keys.addAll(now.keySet());
        for (String k : keys) {
            // an argument absent on one side is null there (toArgs leaves out what a run does not use)
            if (!MAY_DIFFER.contains(k) && !k.equals("opt") && !sameArg(ckpt.args().get(k), now.get(k))) {
                throw mismatch(k, ckpt.args().get(k), now.get(k), file);
            }
        }
        if (!ckpt.opt().equals(Optimizers.checkName(config.schedule().opt()))) {
            throw mismatch("opt", ckpt.opt(), config.schedule().opt(), file);
        }
        if (!ckpt.classes().equals(data.classes())) {
            throw new IllegalArgumentException(file + " was trained on classes " + ckpt.classes() + ", the data has "
                    + data.classes());
        }
        if (ckpt.trainImages() != data.train().size() || ckpt.valImages() != data.val().size()) {
            throw new IllegalArgumentException(file + " was trained on " + ckpt.trainImages() + " train / "
                    + ckpt.valImages() + " val images, " + data.source() + " has " + data.train().size() + " / "
                    + data.val().size() + "; the data must equal the checkpoint's to resume it");
        }
    }

    private static InvalidValueException mismatch(String arg, Object then, Object now, String file) {
        return new InvalidValueException(arg, "must equal the checkpoint's to resume it (" + show(then) + " in " + file
                + "; only output, threads and epochs may differ)", show(now));
    }

    private static String show(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    /** Equal argument values, numbers compared by value (JSON reads every number as a double). */
    static boolean sameArg(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameArg(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : b != null && a.toString().equals(b.toString());
    }

    private static Path runDir(TrainConfig config) {
        if (config.output() != null) {
            return config.output();
        }
        if (config.resume() != null) {
            Path parent = config.resume().toAbsolutePath().getParent();
            return parent;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return Paths.get("output", "train", stamp + "-" + config.model() + "-" + config.imgSize());
    }

    private static void writeArgs(Path file, Map<String, Object> args) throws IOException {
        AtomicFiles.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(args));
    }

    private static void writePlot(LrPlot plot, Path runDir, List<SummaryRow> rows) throws IOException {
        List<SummaryRow> copy = List.copyOf(rows);
        AtomicFiles.write(runDir.resolve("lr.png"), o -> plot.write(o, copy));
    }

    private static long countScalars(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && p.getValue().getShape() != null) {
                n += p.getValue().getShape().size();
            }
        }
        return n;
    }
}
