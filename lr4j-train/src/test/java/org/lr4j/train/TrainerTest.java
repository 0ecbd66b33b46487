package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.group.ParamGroupList;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.TrainLoop;

/** Short end-to-end runs on a tiny generated image folder (3 classes, 16 x 16, 6 updates per epoch). */
class TrainerTest {
    @TempDir
    static Path shared;
    private static Path data;

    @BeforeAll
    static void images() throws IOException {
        data = TestImages.folder(shared.resolve("data"), 3, 16, 4, 16);
    }

    private static TrainConfig.Builder config(SchedulerConfig sc, Path out) {
        return TrainConfig.builder(sc).dataDir(data).model("smallcnn").imgSize(16).output(out).threads(1);
    }

    private static SchedulerConfig.Builder tanh() {
        return SchedulerConfig.builder().sched("tanh").epochs(4).warmupEpochs(1).lr(0.05).batchSize(8)
                .lrNoise(List.of(0.5)).seed(3);
    }

    /** Records what the trainer reports. */
    private static final class Recorder implements TrainListener {
        final List<RunInfo> starts = new ArrayList<>();
        final List<Double> batchLrs = new ArrayList<>();
        final List<EpochResult> epochs = new ArrayList<>();
        final long stopAfter;

        Recorder(long stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void onStart(RunInfo info) {
            starts.add(info);
        }

        @Override
        public void onBatch(long epoch, long batch, long batches, double lossAvg, double lr) {
            assertTrue(batch >= 1 && batch <= batches);
            assertTrue(Double.isFinite(lossAvg));
            batchLrs.add(lr);
        }

        @Override
        public void onEpoch(EpochResult result) {
            epochs.add(result);
            if (result.row().epoch() == stopAfter) {
                throw new IllegalStateException("stopped after epoch " + stopAfter);
            }
        }
    }

    @Test
    void aShortRunWritesTheRunFolderWithTheReferenceLearningRates(@TempDir Path tmp) throws IOException {
        SchedulerConfig sc = tanh().build();
        Path out = tmp.resolve("run");
        Recorder rec = new Recorder(-1);
        List<List<SummaryRow>> plotted = new ArrayList<>();
        TrainResult r = ImageClassifierTrainer.run(config(sc, out).build(), rec, (png, rows) -> {
            plotted.add(rows);
            png.write(new byte[] {1, 2, 3});
        });

        // the learning rates: the reference drive of the same flags on timm's two groups (48 train images / 8)
        TrainLoop.Trace ref = TrainLoop.run(sc, ParamGroupList.of(0.05, 0.05), 6, null, 0);
        List<SummaryRow> rows = SummaryCsv.read(out.resolve("summary.csv"));
        assertEquals(4, rows.size());
        for (int e = 0; e < 4; e++) {
            assertEquals(e, rows.get(e).epoch());
            double[] lrs = ref.epochLrs().get(e);
            assertEquals((lrs[0] + lrs[1]) / 2, rows.get(e).lr(), 0.0, "lr of epoch " + e);
            assertTrue(rows.get(e).evalTop5() >= rows.get(e).evalTop1());
        }
        assertEquals(rows, r.rows());
        assertTrue(rows.get(3).evalTop1() > 60, "well above chance (33%): " + rows.get(3));
        assertEquals(SummaryCsv.HEADER, Files.readAllLines(out.resolve("summary.csv")).get(0));

        @SuppressWarnings("unchecked")
        Map<String, Object> args = new Gson().fromJson(Files.readString(out.resolve("args.json")), Map.class);
        assertEquals("smallcnn", args.get("model"));
        assertEquals("tanh", args.get("sched"));
        assertEquals(data.toString(), args.get("data_dir"));

        Checkpoint last = Checkpoint.read(out.resolve("last.ckpt"));
        assertEquals(4, last.epoch());
        assertEquals(24, last.numUpdates());
        assertEquals(24, r.numUpdates());
        assertEquals("tanh", last.schedulerState().scheduler());
        assertEquals(List.of("class0", "class1", "class2"), last.classes());
        Checkpoint best = Checkpoint.read(out.resolve("best.ckpt"));
        assertEquals(r.bestEpoch() + 1, best.epoch());
        assertEquals(r.bestMetric(), rows.get((int) r.bestEpoch()).evalTop1());

        assertEquals(1, rec.starts.size());
        assertEquals(6, rec.starts.get(0).updatesPerEpoch());
        assertEquals(4, rec.starts.get(0).numEpochs());
        assertEquals(24, rec.batchLrs.size());
        assertEquals(4, rec.epochs.size());
        assertEquals(1, plotted.size());
        assertEquals(rows, plotted.get(0));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("lr.png")));
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void resumeAfterAStopRunsEveryEpochOnceWithTheSameRates(@TempDir Path tmp) throws IOException {
        resumeMatches(tmp.resolve("tanh"), tanh().build(), "sgd");
        resumeMatches(tmp.resolve("cosine-updates"), SchedulerConfig.builder().sched("cosine").epochs(4).warmupEpochs(1)
                .lr(0.01).batchSize(8).schedOnUpdates(true).lrNoise(List.of(0.25, 0.75)).seed(5).build(), "adam");
    }

    private static void resumeMatches(Path dir, SchedulerConfig sc, String opt) throws IOException {
        SchedulerConfig withOpt = sc.toBuilder().opt(opt).build();
        Recorder fullRec = new Recorder(-1);
        TrainResult full = ImageClassifierTrainer.run(config(withOpt, dir.resolve("full")).build(), fullRec, null);

        Path run = dir.resolve("stopped");
        Recorder first = new Recorder(1);
        assertThrows(IllegalStateException.class,
                () -> ImageClassifierTrainer.run(config(withOpt, run).build(), first, null));
        assertEquals(2, Checkpoint.read(run.resolve("last.ckpt")).epoch());
        // as if killed after epoch 2's summary row was written but before its checkpoint
        List<SummaryRow> partial = new ArrayList<>(SummaryCsv.read(run.resolve("summary.csv")));
        partial.add(new SummaryRow(2, 9, 9, 0, 0, 9));
        SummaryCsv.write(run.resolve("summary.csv"), partial);

        Recorder second = new Recorder(-1);
        TrainResult resumed = ImageClassifierTrainer.run(
                TrainConfig.builder(withOpt).dataDir(data).model("smallcnn").imgSize(16)
                        .resume(run.resolve("last.ckpt")).build(), second, null);
        assertEquals(run.toAbsolutePath(), resumed.runDir().toAbsolutePath());
        assertEquals(2, second.starts.get(0).startEpoch());
        List<SummaryRow> rows = SummaryCsv.read(run.resolve("summary.csv"));
        List<SummaryRow> ref = full.rows();
        assertEquals(List.of(0L, 1L, 2L, 3L), rows.stream().map(SummaryRow::epoch).toList());
        for (int e = 0; e < 4; e++) {
            assertEquals(ref.get(e).lr(), rows.get(e).lr(), 0.0, sc.sched() + " lr of epoch " + e);
        }
        assertEquals(full.numUpdates(), resumed.numUpdates());
        Checkpoint a = Checkpoint.read(dir.resolve("full").resolve("last.ckpt"));
        Checkpoint b = Checkpoint.read(run.resolve("last.ckpt"));
        assertEquals(a.epoch(), b.epoch());
        assertEquals(a.schedulerState(), b.schedulerState());
        // update-level rates, before the stop and after the resume, equal the uninterrupted run's
        assertEquals(fullRec.batchLrs.subList(0, 12), first.batchLrs);
        assertEquals(fullRec.batchLrs.subList(12, 24), second.batchLrs);
        String csv = Files.readString(run.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains(",9.0,9.0,"), "the row of the unfinished epoch is gone");
        // run.json describes exactly the epochs of summary.csv, before and after the resume
        RunFolder.Meta meta = RunFolder.meta(run);
        assertEquals(List.of(0L, 1L, 2L, 3L), meta.epochs().stream().map(RunFolder.EpochTime::epoch).toList());
        assertEquals(RunFolder.meta(dir.resolve("full")).trainImages(), meta.trainImages());
        assertEquals(4L * 6 * 8, meta.trainImages(), "4 epochs of 6 updates of 8 images");
        assertTrue(meta.wallSeconds() >= meta.trainSeconds() && meta.trainSeconds() > 0, meta.toString());
    }
}
