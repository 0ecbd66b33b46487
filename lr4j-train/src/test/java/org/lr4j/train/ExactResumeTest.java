package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lr4j.factory.SchedulerConfig;

/**
 * Exact resume, in process: on the built-in shapes (made smaller: 4 classes x 48 training and 12
 * validation images, batch 32, 6 updates per epoch), with learning-rate noise on, a run stopped after
 * epoch 1 (an exception from the listener after the epoch's checkpoint) and a run stopped in the middle of
 * epoch 3 (an exception after its 3rd update: the run resumes from epoch 3's start, its last checkpoint;
 * for the plateau scheduler, the first epoch whose checkpoint holds a bad-epoch count or a cooldown),
 * each resumed with {@code resume}, write the same {@code summary.csv} as the run never interrupted: losses
 * within 1e-6 relative, accuracies and learning rates exactly. Two uninterrupted runs write identical
 * files. The resumed runs give no thread count: they take the checkpoint's. A run resumed without the
 * optimizer's state is shown to drift, so the comparison has teeth.
 */
class ExactResumeTest {
    private static final int EPOCHS = 5;

    private static TrainConfig.Builder config(SchedulerConfig sc, Path out) {
        return TrainConfig.builder(sc).builtinSize(48, 12).output(out).threads(1);
    }

    /** Stops a run by throwing once the given point is reached. */
    private static final class Stop implements TrainListener {
        private final long epoch;
        private final long batch;

        /** After update {@code batch} of {@code epoch}; batch 0 means after the epoch's checkpoint. */
        Stop(long epoch, long batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatch(long e, long b, long batches, double lossAvg, double lr) {
            if (e == epoch && b == batch) {
                throw new IllegalStateException("killed in epoch " + e + " after update " + b);
            }
        }

        @Override
        public void onEpoch(EpochResult result) {
            if (batch == 0 && result.row().epoch() == epoch) {
                throw new IllegalStateException("killed after epoch " + epoch);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "adamw, cosine",
        "rmsprop, plateau",
    })
    void aStoppedRunResumesAsIfNeverInterrupted(String opt, String sched, @TempDir Path tmp) throws IOException {
        SchedulerConfig.Builder b = SchedulerConfig.builder().sched(sched).epochs(EPOCHS).warmupEpochs(1)
                .batchSize(32).opt(opt).lrNoise(List.of(0.3)).lrNoisePct(0.5).seed(5);
        SchedulerConfig sc = sched.equals("plateau")
                // plateau on top-1: patience 1, cooldown 1, no warmup
                ? b.lr(0.01).warmupEpochs(0).patienceEpochs(1).decayRate(0.5).cooldownEpochs(1).build()
                // cosine on updates: a new noisy rate for every update
                : b.lr(0.003).schedOnUpdates(true).build();

        Path full = tmp.resolve("full");
        // the plateau counters in each epoch's checkpoint; the mid-epoch stop goes where they are not at rest
        List<org.lr4j.state.PlateauState> counters = new java.util.ArrayList<>();
        ImageClassifierTrainer.run(config(sc, full).build(), new TrainListener() {
            @Override
            public void onEpoch(EpochResult result) {
                counters.add(Checkpoint.read(full.resolve("last.ckpt")).schedulerState().plateau());
            }
        }, null);
        long midStop = 3;
        if (sched.equals("plateau")) {
            midStop = -1;
            for (int e = 1; e < EPOCHS && midStop < 0; e++) {
                if (counters.get(e - 1).numBadEpochs() > 0 || counters.get(e - 1).cooldownCounter() > 0) {
                    midStop = e;
                }
            }
            // the resumed run must pick up a bad-epoch count or cooldown that timm's own state_dict would drop
            assertTrue(midStop > 0, "some checkpoint holds plateau counters not at rest: " + counters);
        }
        List<SummaryRow> reference = SummaryCsv.read(full.resolve("summary.csv"));
        assertEquals(EPOCHS, reference.size());
        Path twice = tmp.resolve("twice");
        ImageClassifierTrainer.run(config(sc, twice).build());
        assertEquals(Files.readString(full.resolve("summary.csv")), Files.readString(twice.resolve("summary.csv")),
                "two uninterrupted runs write the same summary.csv");

        for (long[] stop : new long[][] {{1, 0}, {midStop, 3}}) {
            Path run = tmp.resolve("stopped-" + stop[0] + "-" + stop[1]);
            assertThrows(IllegalStateException.class,
                    () -> ImageClassifierTrainer.run(config(sc, run).build(), new Stop(stop[0], stop[1]), null));
            long expectedStart = stop[1] == 0 ? stop[0] + 1 : stop[0];
            assertEquals(expectedStart, Checkpoint.read(run.resolve("last.ckpt")).epoch());
            // as a new process on two cores would start; the resumed run takes the checkpoint's thread count
            ai.djl.pytorch.jni.JniUtils.setNumThreads(2);
            ImageClassifierTrainer.run(TrainConfig.builder(sc).builtinSize(48, 12)
                    .resume(run.resolve("last.ckpt")).build());
            assertEquals(1, ai.djl.pytorch.jni.JniUtils.getNumThreads());
            assertSameSummary(reference, SummaryCsv.read(run.resolve("summary.csv")), opt + " stopped at " + stop[0]
                    + "/" + stop[1]);
        }
    }

    /**
     * A {@code --schedule} run (PyTorch's OneCycleLR stepped per update with AdamW, whose {@code betas[0]} it
     * cycles) stopped after epoch 1, or in the middle of epoch 2, and resumed writes the uninterrupted run's
     * {@code summary.csv}: the checkpoint holds the scheduler's own state and its step count.
     */
    @Test
    void aStoppedScheduleRunResumesAsIfNeverInterrupted(@TempDir Path tmp) throws IOException {
        SchedulerConfig sc = SchedulerConfig.builder().batchSize(32).opt("adamw").lr(0.003).seed(5).build();
        // 6 updates per epoch: 3 epochs
        java.util.function.Function<Path, TrainConfig.Builder> cfg = out -> config(sc, out)
                .pythonSchedule("OneCycleLR(max_lr=0.01, total_steps=18)", null, true);
        Path full = tmp.resolve("full");
        ImageClassifierTrainer.run(cfg.apply(full).build());
        List<SummaryRow> reference = SummaryCsv.read(full.resolve("summary.csv"));
        assertEquals(3, reference.size());
        assertNotEquals(reference.get(0).lr(), reference.get(1).lr(), "the rate moves between epochs");
        for (long[] stop : new long[][] {{1, 0}, {2, 3}}) {
            Path run = tmp.resolve("stopped-" + stop[0] + "-" + stop[1]);
            assertThrows(IllegalStateException.class,
                    () -> ImageClassifierTrainer.run(cfg.apply(run).build(), new Stop(stop[0], stop[1]), null));
            Checkpoint c = Checkpoint.read(run.resolve("last.ckpt"));
            assertEquals(6 * c.epoch(), c.torchSchedule().steps(), "one step per update");
            assertEquals("OneCycleLR", c.torchSchedule().scheduler().scheduler());
            ImageClassifierTrainer.run(TrainConfig.builder(sc).builtinSize(48, 12)
                    .pythonSchedule("OneCycleLR(max_lr=0.01, total_steps=18)", null, true)
                    .resume(run.resolve("last.ckpt")).build());
            assertSameSummary(reference, SummaryCsv.read(run.resolve("summary.csv")), "OneCycleLR stopped at "
                    + stop[0] + "/" + stop[1]);
        }
        // a checkpoint without the schedule's state (as an older lr4j wrote) is refused, naming the file
        Path run = tmp.resolve("stopped-1-0");
        Checkpoint c = Checkpoint.read(run.resolve("last.ckpt"));
        Path old = tmp.resolve("old.ckpt");
        new Checkpoint(c.epoch(), c.numUpdates(), c.model(), c.classes(), c.imgSize(), c.trainImages(), c.valImages(),
                c.opt(), c.schedulerState(), c.bestEpoch(), c.bestMetric(), c.args(), c.modelParams(),
                c.optimizerState()).write(old);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageClassifierTrainer.run(TrainConfig.builder(sc).builtinSize(48, 12)
                        .pythonSchedule("OneCycleLR(max_lr=0.01, total_steps=18)", null, true).resume(old).build()));
        assertTrue(e.getMessage().startsWith("checkpoint " + old + ": it holds no state of a --schedule"),
                e.getMessage());
    }

    @Test
    void withoutTheOptimizerStateTheRunDrifts(@TempDir Path tmp) throws IOException {
        String opt = "adamw";
        SchedulerConfig sc = SchedulerConfig.builder().sched("tanh").epochs(3).warmupEpochs(1).batchSize(32).opt(opt)
                .lr(0.003).lrNoise(List.of(0.3)).seed(5).build();
        Path full = tmp.resolve("full");
        ImageClassifierTrainer.run(config(sc, full).build());
        Path run = tmp.resolve("stopped");
        assertThrows(IllegalStateException.class,
                () -> ImageClassifierTrainer.run(config(sc, run).build(), new Stop(0, 0), null));
        Checkpoint c = Checkpoint.read(run.resolve("last.ckpt"));
        new Checkpoint(c.epoch(), c.numUpdates(), c.model(), c.classes(), c.imgSize(), c.trainImages(), c.valImages(),
                c.opt(), c.schedulerState(), c.bestEpoch(), c.bestMetric(), c.args(), c.modelParams(),
                new org.lr4j.djl.OptimizerState(opt, c.optimizerState().updateCounts(), java.util.Map.of()))
                .write(run.resolve("last.ckpt"));
        ImageClassifierTrainer.run(TrainConfig.builder(sc).builtinSize(48, 12).threads(1)
                .resume(run.resolve("last.ckpt")).build());
        List<SummaryRow> a = SummaryCsv.read(full.resolve("summary.csv"));
        List<SummaryRow> r = SummaryCsv.read(run.resolve("summary.csv"));
        assertEquals(a.get(0), r.get(0));
        assertEquals(a.get(1).lr(), r.get(1).lr(), 0.0, "the schedule does not depend on the optimizer state");
        assertNotEquals(a.get(1).trainLoss(), r.get(1).trainLoss(), "buffers restarted from zero change the losses");
    }

    static void assertSameSummary(List<SummaryRow> expected, List<SummaryRow> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows");
        for (int i = 0; i < expected.size(); i++) {
            SummaryRow e = expected.get(i);
            SummaryRow a = actual.get(i);
            String at = what + ", epoch " + i;
            assertEquals(e.epoch(), a.epoch(), at);
            assertEquals(e.trainLoss(), a.trainLoss(), 1e-6 * Math.abs(e.trainLoss()), at + " train_loss");
            assertEquals(e.evalLoss(), a.evalLoss(), 1e-6 * Math.abs(e.evalLoss()), at + " eval_loss");
            assertEquals(e.evalTop1(), a.evalTop1(), 0.0, at + " eval_top1");
            assertEquals(e.evalTop5(), a.evalTop5(), 0.0, at + " eval_top5");
            assertEquals(e.lr(), a.lr(), 0.0, at + " lr");
        }
    }
}
