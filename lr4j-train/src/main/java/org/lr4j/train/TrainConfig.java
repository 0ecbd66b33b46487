package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import org.lr4j.djl.Optimizers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lr4j.factory.SchedulerConfig;

/**
 * What {@link ImageClassifierTrainer#run} trains: train.py's schedule, optimizer and batch flags (held by
 * a {@link SchedulerConfig}: {@code sched}, {@code epochs}, {@code lr}/{@code lr_base}, {@code opt},
 * {@code batch_size}, {@code seed}, {@code eval_metric}, ...) plus the data, the model, momentum,
 * weight decay, image size, run folder and checkpoint to resume. Immutable.
 *
 * <p>Defaults are train.py's ({@code momentum = 0.9}, {@code weight_decay = 2e-5}) except where the
 * data calls for others: on the built-in data the model defaults to {@code smallcnn} and the image size to
 * 32; on {@code dataset = fashion-mnist} ({@link FashionMnistData}) to {@code smallcnn} and 28; on an image
 * folder to {@code resnet50} (train.py's default) and 224. {@code in_chans} defaults to the data's channels
 * (1 for Fashion-MNIST, else 3).
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.builder(SchedulerConfig.builder().sched("tanh").epochs(10).build())
 *         .output(Path.of("runs/tanh")).build();
 * c.model();     // "smallcnn"
 * c.imgSize();   // 32
 * }</pre>
 */
public final class TrainConfig {
    /** The valid {@code eval_metric} names. */
    public static final List<String> EVAL_METRICS = List.of("top1", "top5", "loss");

    private final SchedulerConfig schedule;
    private final String dataset;
    private final Path dataDir;
    private final Integer trainSize;
    private final int inChans;
    private final String model;
    private final double momentum;
    private final double weightDecay;
    private final int imgSize;
    private final Path output;
    private final Path resume;
    private final int builtinTrainPerClass;
    private final int builtinValPerClass;
    private final Integer threads;
    private final String pythonSchedule;
    private final Long scheduleSteps;
    private final boolean stepOnUpdates;

    private TrainConfig(Builder b, String dataset, String model, int imgSize, int inChans) {
        schedule = b.schedule;
        this.dataset = dataset;
        dataDir = b.dataDir;
        trainSize = b.trainSize;
        this.inChans = inChans;
        this.model = model;
        momentum = b.momentum;
        weightDecay = b.weightDecay;
        this.imgSize = imgSize;
        output = b.output;
        resume = b.resume;
        builtinTrainPerClass = b.builtinTrainPerClass;
        builtinValPerClass = b.builtinValPerClass;
        threads = b.threads;
        pythonSchedule = b.pythonSchedule;
        scheduleSteps = b.scheduleSteps;
        stepOnUpdates = b.stepOnUpdates;
    }

    /**
     * A PyTorch or transformers schedule as its Python call ({@code org.lr4j.python.ScheduleCall}), which
     * replaces the timm schedule of {@link #schedule()} (its lr, opt and batch size still apply); null for
     * none.
     */
    public String pythonSchedule() {
        return pythonSchedule;
    }

    /** The number of steps of {@link #pythonSchedule()}; null for the call's own length. */
    public Long scheduleSteps() {
        return scheduleSteps;
    }

    /** Whether one step of {@link #pythonSchedule()} is one optimizer update (else one epoch). */
    public boolean stepOnUpdates() {
        return stepOnUpdates;
    }

    /** A builder over {@code schedule} with the other values at their defaults. */
    public static Builder builder(SchedulerConfig schedule) {
        return new Builder(Objects.requireNonNull(schedule, "schedule"));
    }

    /** The schedule, optimizer name, learning rate, batch size, seed and eval metric flags. */
    public SchedulerConfig schedule() {
        return schedule;
    }

    /**
     * The data folder: with {@link #dataset()} {@code fashion-mnist} the folder of its four files (null for
     * {@link FashionMnistData#DEFAULT_DIR}); without, the image folder, or null for the built-in data.
     */
    public Path dataDir() {
        return dataDir;
    }

    /** {@code --dataset}: {@code fashion-mnist} (timm's {@code torch/fashion_mnist} is read as it), or null. */
    public String dataset() {
        return dataset;
    }

    /** {@code --train-size}: the first this many training images, or null for all. */
    public Integer trainSize() {
        return trainSize;
    }

    /** {@code --in-chans}: the model's input channels (the data's). */
    public int inChans() {
        return inChans;
    }

    /** The model name (lower case). */
    public String model() {
        return model;
    }

    /** The optimizer's momentum. */
    public double momentum() {
        return momentum;
    }

    /** The weight decay (of the {@code decay} group; biases and norms get none). */
    public double weightDecay() {
        return weightDecay;
    }

    /** The image size the model sees. */
    public int imgSize() {
        return imgSize;
    }

    /** The run folder, or null for {@code output/train/<time>-<model>-<img_size>} (or, on resume, the checkpoint's folder). */
    public Path output() {
        return output;
    }

    /** The checkpoint to resume from, or null. */
    public Path resume() {
        return resume;
    }

    /** Built-in data: training images per class. */
    public int builtinTrainPerClass() {
        return builtinTrainPerClass;
    }

    /** Built-in data: validation images per class. */
    public int builtinValPerClass() {
        return builtinValPerClass;
    }

    /** PyTorch's intra-op threads, or null for PyTorch's default (one per core). */
    public Integer threads() {
        return threads;
    }

    /**
     * Every argument by train.py's Python names (the schedule's, then {@code data_dir}, {@code model},
     * {@code momentum}, {@code weight_decay}, {@code img_size}, {@code output}, {@code resume}): what the
     * run folder's {@code args.json} holds.
     */
    public Map<String, Object> toArgs() {
        Map<String, Object> m = new LinkedHashMap<>(schedule.toArgs());
        m.put("dataset", dataset);
        m.put("data_dir", dataDir == null ? null : dataDir.toString());
        m.put("train_size", trainSize);
        m.put("in_chans", inChans);
        m.put("model", model);
        m.put("momentum", momentum);
        m.put("weight_decay", weightDecay);
        m.put("img_size", imgSize);
        m.put("output", output == null ? null : output.toString());
        m.put("resume", resume == null ? null : resume.toString());
        m.put("threads", threads);
        if (pythonSchedule != null) {
            m.put("schedule", pythonSchedule);
            m.put("steps", scheduleSteps);
            m.put("step_on", stepOnUpdates ? "updates" : "epochs");
        }
        return m;
    }

    @Override
    public String toString() {
        return toArgs().toString();
    }

    /** Builds a {@link TrainConfig}. */
    public static final class Builder {
        private final SchedulerConfig schedule;
        private String dataset;
        private Path dataDir;
        private Integer trainSize;
        private Integer inChans;
        private String model;
        private double momentum = 0.9;
        private double weightDecay = 2e-5;
        private Integer imgSize;
        private Path output;
        private Path resume;
        private int builtinTrainPerClass = BuiltinShapes.TRAIN_PER_CLASS;
        private int builtinValPerClass = BuiltinShapes.VAL_PER_CLASS;
        private Integer threads;
        private String pythonSchedule;
        private Long scheduleSteps;
        private boolean stepOnUpdates;

        private Builder(SchedulerConfig schedule) {
            this.schedule = schedule;
        }

        /**
         * The image folder ({@code train/}, {@code val/}), or null for the built-in data; with
         * {@link #dataset(String)}, the dataset's folder (null for its default).
         */
        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        /** {@code --dataset}: {@code fashion-mnist} or {@code torch/fashion_mnist}; null for none. */
        public Builder dataset(String v) {
            dataset = v;
            return this;
        }

        /** {@code --train-size}: use the first {@code v} training images; null for all. */
        public Builder trainSize(Integer v) {
            trainSize = v;
            return this;
        }

        /** {@code --in-chans}: the model's input channels; null for the data's. */
        public Builder inChans(Integer v) {
            inChans = v;
            return this;
        }

        /** {@code --model}; null for the default. */
        public Builder model(String v) {
            model = v;
            return this;
        }

        /** {@code --momentum}. */
        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        /** {@code --weight-decay}. */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** {@code --img-size}; null for the default. */
        public Builder imgSize(Integer v) {
            imgSize = v;
            return this;
        }

        /** The run folder; null for the default. */
        public Builder output(Path v) {
            output = v;
            return this;
        }

        /** {@code --resume CHECKPOINT}; null to start anew. */
        public Builder resume(Path v) {
            resume = v;
            return this;
        }

        /** The built-in data's size (images per class in each split). */
        public Builder builtinSize(int trainPerClass, int valPerClass) {
            builtinTrainPerClass = trainPerClass;
            builtinValPerClass = valPerClass;
            return this;
        }

        /**
         * PyTorch's intra-op threads; null for PyTorch's default (one per core). On a machine whose cores
         * other processes also use, 1 is often faster: PyTorch's threads wait for each other.
         */
        public Builder threads(Integer v) {
            threads = v;
            return this;
        }

        /**
         * A PyTorch or transformers schedule as its Python call, its number of steps (null: the call's own
         * length) and whether a step is an optimizer update (else an epoch); null call for none.
         */
        public Builder pythonSchedule(String call, Long steps, boolean onUpdates) {
            pythonSchedule = call;
            scheduleSteps = steps;
            stepOnUpdates = onUpdates;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the flag (train.py's Python name) that breaks its rule:
         *     unknown {@code model}, {@code opt} or {@code eval_metric}, negative or non-finite
         *     {@code momentum} or {@code weight_decay}, an {@code img_size} too small for the model, a
         *     built-in size below 1, an unknown {@code dataset}, a {@code train_size} below 1 or without a
         *     dataset, an {@code in_chans} other than the data's channels
         */
        public TrainConfig build() {
            String ds = null;
            if (dataset != null) {
                if (!FashionMnistData.isName(dataset)) {
                    throw new InvalidValueException("dataset", "must be one of "
                            + String.join(", ", FashionMnistData.NAMES) + " (or none, with an image folder or the"
                            + " built-in data)", dataset);
                }
                ds = FashionMnistData.NAMES.get(0);
            }
            if (trainSize != null && ds == null) {
                throw new InvalidValueException("train_size", "needs a dataset (--dataset fashion-mnist)",
                        trainSize + " without one");
            }
            if (trainSize != null && trainSize < 1) {
                throw new InvalidValueException("train_size", "must be >= 1", String.valueOf(trainSize));
            }
            int dataChans = ds != null ? 1 : 3;
            if (inChans != null && inChans != dataChans) {
                throw new InvalidValueException("in_chans", "must be " + dataChans + " for "
                        + (ds != null ? "dataset " + ds + " (grayscale images)" : "RGB images"), String.valueOf(inChans));
            }
            boolean small = ds != null || dataDir == null;
            String m = Models.checkName(model != null ? model : small ? "smallcnn" : "resnet50");
            Optimizers.checkName(schedule.opt());
            String metric = schedule.evalMetric().toLowerCase(Locale.ROOT);
            if (!EVAL_METRICS.contains(metric)) {
                throw new InvalidValueException("eval_metric", "must be one of " + String.join(", ", EVAL_METRICS),
                        String.valueOf(schedule.evalMetric()));
            }
            if (!(momentum >= 0) || Double.isInfinite(momentum)) {
                throw new InvalidValueException("momentum", "must be a finite number >= 0", String.valueOf(momentum));
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new InvalidValueException("weight_decay", "must be a finite number >= 0",
                        String.valueOf(weightDecay));
            }
            int size = imgSize != null ? imgSize
                    : ds != null ? FashionMnistData.NATIVE_SIZE : dataDir == null ? BuiltinShapes.IMG_SIZE : 224;
            Models.checkImageSize(m, size);
            if (threads != null && threads < 1) {
                throw new InvalidValueException("threads", "must be >= 1", String.valueOf(threads));
            }
            if (builtinTrainPerClass < 1 || builtinValPerClass < 1) {
                throw new InvalidValueException("built-in images per class", "must be >= 1",
                        String.valueOf(builtinTrainPerClass + " and " + builtinValPerClass));
            }
            if (schedule.batchSize() > Integer.MAX_VALUE) {
                throw new InvalidValueException("batch_size", "must be <= " + Integer.MAX_VALUE,
                        String.valueOf(schedule.batchSize()));
            }
            if (scheduleSteps != null && scheduleSteps < 1) {
                throw new IllegalArgumentException("steps must be > 0, got " + scheduleSteps);
            }
            return new TrainConfig(this, ds, m, size, dataChans);
        }
    }
}
