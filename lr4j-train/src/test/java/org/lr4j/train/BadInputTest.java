package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.djl.OptimizerState;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.state.SchedulerState;

/** Bad input gives an IllegalArgumentException with one clear message naming the file or flag. */
class BadInputTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static final SchedulerConfig SC = SchedulerConfig.builder().sched("tanh").epochs(2).warmupEpochs(0)
            .batchSize(8).lr(0.05).build();

    @BeforeAll
    static void images() throws IOException {
        data = TestImages.folder(tmp.resolve("data"), 2, 8, 2, 8);
    }

    private static String message(Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertFalse(x.getMessage().contains("\n"), "one line: " + x.getMessage());
        return x.getMessage();
    }

    private static String trainMessage(TrainConfig.Builder b) {
        return message(() -> ImageClassifierTrainer.run(b.build()));
    }

    private static TrainConfig.Builder config(Path dataDir) {
        return TrainConfig.builder(SC).dataDir(dataDir).model("smallcnn").imgSize(8).output(tmp.resolve("never"));
    }

    @Test
    void dataFolderProblemsNameTheFolder() throws IOException {
        Path missing = tmp.resolve("missing");
        assertEquals("DATA_DIR " + missing + " does not exist", trainMessage(config(missing)));
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertEquals("DATA_DIR " + file + " is not a folder", trainMessage(config(file)));
        Path noTrain = Files.createDirectories(tmp.resolve("notrain/val"));
        assertTrue(trainMessage(config(noTrain.getParent())).contains("has no train/ folder"));
        Path noVal = Files.createDirectories(tmp.resolve("noval/train/a"));
        assertTrue(trainMessage(config(noVal.getParent().getParent())).endsWith("has no val/ or validation/ folder"));
        Path noClasses = Files.createDirectories(tmp.resolve("noclasses"));
        Files.createDirectories(noClasses.resolve("train"));
        Files.createDirectories(noClasses.resolve("val"));
        assertEquals("DATA_DIR " + noClasses.resolve("train") + " must hold at least 2 class folders, got 0",
                trainMessage(config(noClasses)));
        Path noImages = Files.createDirectories(tmp.resolve("noimages"));
        Files.createDirectories(noImages.resolve("train/a"));
        Files.createDirectories(noImages.resolve("train/b"));
        Files.writeString(noImages.resolve("train/a/readme.txt"), "not an image");
        Files.createDirectories(noImages.resolve("val"));
        assertTrue(trainMessage(config(noImages)).startsWith("DATA_DIR " + noImages.resolve("train/a") + " holds no image"));
        assertFalse(Files.exists(tmp.resolve("never")), "nothing written on bad input");
    }

    @Test
    void validationClassesAndFoldersAreChecked() throws IOException {
        Path root = TestImages.folder(tmp.resolve("validation"), 2, 2, 1, 8);
        Files.move(root.resolve("val"), root.resolve("validation"));
        ImageDataset d = ImageFolderData.open(root, 8);
        assertEquals(List.of("class0", "class1"), d.classes());
        assertEquals(4, d.train().size());
        assertEquals(2, d.val().size());
        assertEquals(1, d.val().label(1));
        Files.createDirectories(root.resolve("validation/zebra"));
        assertEquals("DATA_DIR " + root.resolve("validation/zebra") + " is a class that train/ does not have",
                message(() -> ImageFolderData.open(root, 8)));
    }

    @Test
    void anUnreadableImageIsNamed() throws IOException {
        Path root = TestImages.folder(tmp.resolve("corrupt"), 2, 1, 1, 8);
        Path bad = root.resolve("train/class0/0.png");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        LabeledImages train = ImageFolderData.open(root, 8).train();
        assertEquals("image " + bad + " is not a readable PNG, JPEG, BMP or GIF image",
                message(() -> train.read(0, new float[3 * 64], 0)));
    }

    @Test
    void unknownNamesAndBadFlagsAreRefused() {
        assertEquals("model must be one of smallcnn, resnet18, resnet34, resnet50, got vgg",
                message(() -> config(data).model("vgg").build()));
        assertEquals("opt must be one of sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad, got lion",
                message(() -> TrainConfig.builder(SC.toBuilder().opt("lion").build()).build()));
        assertEquals("eval_metric must be one of top1, top5, loss, got top3",
                message(() -> TrainConfig.builder(SC.toBuilder().evalMetric("top3").build()).build()));
        assertEquals("img_size must be >= 32 for model resnet18, got 16",
                message(() -> config(data).model("resnet18").imgSize(16).build()));
        assertEquals("weight_decay must be a finite number >= 0, got -1.0",
                message(() -> config(data).weightDecay(-1).build()));
        assertEquals("threads must be >= 1, got 0", message(() -> config(data).threads(0).build()));
        assertEquals("batch_size must be <= the 16 training images of " + data + ", got 32",
                trainMessage(TrainConfig.builder(SC.toBuilder().batchSize(32).build()).dataDir(data).imgSize(8)
                        .model("smallcnn").output(tmp.resolve("never"))));
    }

    @Test
    void checkpointProblemsNameTheCheckpoint() throws IOException {
        Path missing = tmp.resolve("none.ckpt");
        assertEquals("checkpoint " + missing + " does not exist", trainMessage(config(data).resume(missing)));
        Path garbage = Files.write(tmp.resolve("garbage.ckpt"), new byte[] {0, 1, 2, 3, 4, 5});
        assertTrue(trainMessage(config(data).resume(garbage))
                .startsWith("checkpoint " + garbage + " is truncated or damaged"));
        Path noMeta = tmp.resolve("nometa.ckpt");
        try (OutputStream out = Files.newOutputStream(noMeta); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("model.params"));
            zip.closeEntry();
        }
        assertEquals("checkpoint " + noMeta + " is not an lr4j checkpoint (it has no meta.json)",
                trainMessage(config(data).resume(noMeta)));
        Path badJson = tmp.resolve("badjson.ckpt");
        try (OutputStream out = Files.newOutputStream(badJson); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("meta.json"));
            zip.write("{\"format\": \"lr4j-checkpoint\", \"version\": 1, \"epoch\": [".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("model.params"));
            zip.closeEntry();
        }
        assertEquals("checkpoint " + badJson + " is damaged or incomplete (it has no SHA256SUMS)",
                trainMessage(config(data).resume(badJson)));

        SchedulerState state = new SchedulerState("tanh", List.of(0.05), List.of(0.05), null);
        Path other = tmp.resolve("other.ckpt");
        OptimizerState sgd = new OptimizerState("sgd", Map.of(), Map.of());
        new Checkpoint(1, 2, "resnet18", List.of("class0", "class1"), 8, 16, 4, "sgd", state, -1, Double.NaN, config(data).build().toArgs(),
                new byte[0], sgd).write(other);
        assertEquals("model must equal the checkpoint's to resume it (resnet18 in checkpoint " + other + "; only output,"
                + " threads and epochs may differ), got smallcnn", trainMessage(config(data).resume(other)));
        Path classes = tmp.resolve("classes.ckpt");
        new Checkpoint(1, 2, "smallcnn", List.of("cat", "dog"), 8, 16, 4, "sgd", state, -1, Double.NaN, config(data).build().toArgs(),
                new byte[0], sgd).write(classes);
        assertEquals("checkpoint " + classes + " was trained on classes [cat, dog], the data has [class0, class1]",
                trainMessage(config(data).resume(classes)));
        Path params = tmp.resolve("params.ckpt");
        new Checkpoint(1, 2, "smallcnn", List.of("class0", "class1"), 8, 16, 4, "sgd", state, -1, Double.NaN, config(data).build().toArgs(),
                new byte[] {9, 9}, sgd).write(params);
        assertTrue(trainMessage(config(data).resume(params).output(tmp.resolve("params-run")))
                .startsWith("checkpoint " + params + " holds parameters that do not fit model smallcnn"));
    }

    @Test
    void anOutputFolderHoldingAnotherRunIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("summary.csv"), SummaryCsv.HEADER + "\n");
        assertEquals("output " + out + " already holds a run (summary.csv); choose another output folder or resume"
                + " from its checkpoint", trainMessage(config(data).output(out)));
    }
}
