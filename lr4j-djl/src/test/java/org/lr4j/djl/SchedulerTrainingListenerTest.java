package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.group.ParamGroupList;

/**
 * {@link SchedulerTrainingListener} under DJL's own {@code EasyTrain.fit}: every rate a DJL optimizer reads
 * equals, as a float, the rate train.py's loop gives that update ({@code TrainLoop.run}), in update mode
 * and in epoch mode, although DJL notifies the listener before each update rather than after it.
 */
class SchedulerTrainingListenerTest {
    private static final int EPOCHS = 3;
    private static final int BATCHES = 4;

    private record Ask(String parameterId, int numUpdate, float value) {
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void easyTrainGivesEachUpdateTheRateOfTrainPy(boolean onUpdates) throws Exception {
        SchedulerConfig config = onUpdates
                ? SchedulerConfig.builder().sched("tanh").epochs(EPOCHS).warmupEpochs(1).warmupLr(0.01)
                        .schedOnUpdates(true).lr(0.1).build()
                : SchedulerConfig.builder().sched("step").epochs(EPOCHS).decayEpochs(1).decayRate(0.5)
                        .warmupEpochs(0).lr(0.1).build();
        List<Ask> asks = new ArrayList<>();
        int groupCount;
        List<Integer> groupOfAsk = new ArrayList<>();
        try (Model model = Model.newInstance("lr4j-listener", "PyTorch")) {
            Block block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            NDManager m = model.getNDManager();
            block.initialize(m, DataType.FLOAT32, new Shape(2, 2));
            DjlParamGroups groups = DjlParamGroups.timm(block.getParameters(), 0.1, 1e-4);
            groupCount = groups.size();
            CreatedScheduler created = SchedulerFactory.create(config, groups, BATCHES);
            ParameterTracker inner = groups.tracker();
            ParameterTracker recording = (id, num) -> {
                float v = inner.getNewValue(id, num);
                asks.add(new Ask(id, num, v));
                groupOfAsk.add(groups.groupOf(id));
                return v;
            };
            Optimizer sgd = Optimizers.create("sgd", groups, recording, 0.9, 0);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd)
                    .addTrainingListeners(SchedulerTrainingListener.of(created.scheduler(), BATCHES));
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(2, 2));
                ArrayDataset data = new ArrayDataset.Builder()
                        .setData(m.arange(0f, 2f * 2 * BATCHES).reshape(2 * BATCHES, 2).div(16f))
                        .optLabels(m.zeros(new Shape(2 * BATCHES, 1))).setSampling(2, false).build();
                EasyTrain.fit(trainer, EPOCHS, data, null);
            }
        }
        double[] lrs = new double[groupCount];
        Arrays.fill(lrs, 0.1);
        TrainLoop.Trace ref = TrainLoop.run(config, ParamGroupList.of(lrs), BATCHES, null, 0);
        assertEquals(EPOCHS * BATCHES * 2, asks.size(), "two parameters ask once per update");
        for (int i = 0; i < asks.size(); i++) {
            Ask a = asks.get(i);
            int update = a.numUpdate() - 1;
            double[] expected = onUpdates ? ref.updateLrs().get(update) : ref.epochLrs().get(update / BATCHES);
            assertEquals((float) expected[groupOfAsk.get(i)], a.value(), "update " + a.numUpdate() + " " + a.parameterId());
        }
    }

    @Test
    void refusesAnEpochWithoutUpdates() {
        assertThrows(IllegalArgumentException.class, () -> SchedulerTrainingListener.of(
                SchedulerFactory.create(SchedulerConfig.builder().lr(0.1).build(), ParamGroupList.of(0.1), 1)
                        .scheduler(), 0));
    }
}
