package example;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.Random;
import org.lr4j.djl.DjlParamGroups;
import org.lr4j.djl.SchedulerTrainingListener;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * Trains a small network with DJL's own {@code EasyTrain.fit}, its SGD learning rate following timm's tanh
 * schedule (30 epochs, a 3-epoch warmup from 1e-4 to 0.1), on a tiny dataset made in memory: points of the
 * plane, class 1 when {@code x + y > 0}. Prints the learning rate and training loss of every epoch, then the
 * accuracy on 64 points it did not train on.
 */
public final class DjlEasyTrain {
    private static final int EPOCHS = 30;
    private static final int BATCH = 32;

    private DjlEasyTrain() {
    }

    public static void main(String[] args) throws Exception {
        // Your program, not a library, decides that DJL stays off the network: set both before DJL's
        // engine loads (the first Model, NDManager or Engine call).
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        Engine.getInstance().setRandomSeed(7);   // the same initial weights and batches at every run

        try (Model model = Model.newInstance("plane");
                NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset train = points(manager, 4 * BATCH, 1);   // 4 batches (optimizer updates) per epoch
            ArrayDataset test = points(manager, 2 * BATCH, 2);

            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(2).build());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));

            // README: begin
            // lr4j: one parameter group at lr 0.1, a tanh schedule driving it, DJL's SGD reading it, and
            // the listener that steps the schedule as timm's train.py does
            DjlParamGroups groups = DjlParamGroups.builder(0.1).group("all", 0.0, DjlParamGroups.ALL)
                    .build(block.getParameters());
            TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, EPOCHS)
                    .warmupT(3).warmupLrInit(1e-4)
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(groups.tracker()).build())
                    .addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic())
                    .addTrainingListeners(new PrintEpoch(groups))   // before the scheduler steps
                    .addTrainingListeners(SchedulerTrainingListener.of(scheduler, 4)); // 4 batches an epoch

            try (Trainer trainer = model.newTrainer(config)) {
                trainer.setMetrics(new Metrics());
                trainer.initialize(new Shape(BATCH, 2));
                EasyTrain.fit(trainer, EPOCHS, train, test);
                TrainingResult result = trainer.getTrainingResult();
                System.out.println("validation accuracy " + result.getValidateEvaluation("Accuracy"));
            }
            // README: end
        }
    }

    /** Prints each epoch's learning rate (before the scheduler moves it on) and training loss. */
    private static final class PrintEpoch extends TrainingListenerAdapter {
        private final DjlParamGroups groups;
        private int epoch;

        PrintEpoch(DjlParamGroups groups) {
            this.groups = groups;
        }

        @Override
        public void onEpoch(Trainer trainer) {
            System.out.println("epoch " + epoch++ + " lr " + groups.lr(0)
                    + " loss " + trainer.getTrainingResult().getTrainLoss());
        }
    }

    /** {@code n} points drawn uniformly from [-1, 1]^2, labelled 1 when x + y > 0, shuffled in batches. */
    private static ArrayDataset points(NDManager manager, int n, long seed) {
        Random random = new Random(seed);
        float[] xy = new float[2 * n];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = 2 * random.nextFloat() - 1;
            xy[2 * i + 1] = 2 * random.nextFloat() - 1;
            labels[i] = xy[2 * i] + xy[2 * i + 1] > 0 ? 1 : 0;
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(xy, new Shape(n, 2)))
                .optLabels(manager.create(labels, new Shape(n)))
                .setSampling(BATCH, true)
                .build();
    }
}
