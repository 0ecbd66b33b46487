package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    static Path dir;
    private static Path data;

    /** Two classes of 8 x 8 images, reddish and bluish, 8 training and 2 validation images each. */
    @BeforeAll
    static void images() throws IOException {
        data = dir.resolve("data");
        int[][] base = {{200, 40, 40}, {40, 60, 200}};
        for (String split : List.of("train", "val")) {
            for (int k = 0; k < 2; k++) {
                Path d = Files.createDirectories(data.resolve(split).resolve(k == 0 ? "red" : "blue"));
                for (int i = 0; i < (split.equals("train") ? 8 : 2); i++) {
                    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int p = 0; p < 64; p++) {
                        int v = (p * 7 + i * 13) % 40;
                        img.setRGB(p % 8, p / 8, ((base[k][0] + v) << 16) | ((base[k][1] + v) << 8) | (base[k][2] + v));
                    }
                    ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
                }
            }
        }
    }

    private static final String[] FLAGS = {"--sched", "tanh", "--epochs", "3", "--warmup-epochs", "1", "--lr", "0.05",
        "--lr-noise", "0.5"};

    private static String[] train(String... extra) {
        String[] common = {"train", data.toString(), "--model", "smallcnn", "--img-size", "8", "--threads", "1"};
        String[] all = new String[common.length + FLAGS.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(FLAGS, 0, all, common.length, FLAGS.length);
        System.arraycopy(extra, 0, all, common.length + FLAGS.length, extra.length);
        return all;
    }

    @Test
    void trainsAndItsSummaryLrColumnEqualsTheTable() throws IOException {
        Path run = dir.resolve("run");
        Cli r = Cli.run(train("-b", "4", "--output", run.toString()));
        assertEquals(0, r.status(), r::err);
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("train: " + data + ", 2 classes, 16 train / 4 val images; smallcnn"), lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.startsWith("epoch ")).count(), r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("best eval_top1 "), r.out());

        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals("epoch,train_loss,eval_loss,eval_top1,eval_top5,lr", summary.get(0));
        String[] table = new String[FLAGS.length + 1];
        table[0] = "table";
        System.arraycopy(FLAGS, 0, table, 1, FLAGS.length);
        Cli t = Cli.run(table);
        assertEquals(0, t.status(), t::err);
        List<String> rows = t.out().lines().skip(1).toList();
        assertEquals(3, rows.size());
        for (int e = 0; e < 3; e++) {
            assertEquals(Double.parseDouble(rows.get(e).split(",")[2]), Double.parseDouble(summary.get(e + 1).split(",")[5]),
                    0.0, "lr of epoch " + e);
        }
        assertTrue(Files.exists(run.resolve("args.json")));
        assertTrue(Files.exists(run.resolve("last.ckpt")));
        assertTrue(Files.exists(run.resolve("best.ckpt")));
        byte[] png = Files.readAllBytes(run.resolve("lr.png"));
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), "lr.png is a PNG");
        java.awt.image.BufferedImage chart = ImageIO.read(run.resolve("lr.png").toFile());
        assertEquals(900, chart.getWidth());

        // curves.png: two panels side by side; run.json: the three epochs' times
        BufferedImage curves = ImageIO.read(run.resolve("curves.png").toFile());
        assertEquals(1200, curves.getWidth());
        assertEquals(520, curves.getHeight());
        String meta = Files.readString(run.resolve("run.json"));
        assertTrue(meta.contains("\"wall_seconds\"") && meta.contains("\"epoch\": 2") && !meta.contains("\"epoch\": 3"), meta);
        assertTrue(meta.contains("\"train_images\": 48"), "3 epochs of 4 updates of 4 images: " + meta);
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches("epoch \\d/2 .* img/s.*"), line);
        }

        // --resume alone takes the run's flags from its args.json: the run is complete, nothing is redone
        Cli again = Cli.run("train", "--resume", run.resolve("last.ckpt").toString());
        assertEquals(0, again.status(), again::err);
        assertTrue(again.out().contains("epochs 3 to 2 of 3"), again.out());
        assertEquals(summary, Files.readAllLines(run.resolve("summary.csv")));

        // a checkpoint copied alone (no args.json beside it) resumes with the flags it recorded
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Files.copy(run.resolve("last.ckpt"), alone.resolve("last.ckpt"));
        Cli longer = Cli.run("train", "--resume", alone.resolve("last.ckpt").toString(), "--epochs", "4",
                "--output", dir.resolve("longer").toString());
        assertEquals(0, longer.status(), longer::err);
        assertTrue(longer.out().contains("epochs 3 to 3 of 4"), longer.out());
        List<String> longerSummary = Files.readAllLines(dir.resolve("longer").resolve("summary.csv"));
        assertEquals(2, longerSummary.size(), "the header and epoch 3 (the earlier rows stayed with the run): " + longerSummary);
        assertTrue(longerSummary.get(1).startsWith("3,"), longerSummary.get(1));

        // compare: the table from summary.csv and run.json, and the chart
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.write(other.resolve("summary.csv"), List.of(summary.get(0), "0,1.0,1.0,10.0,50.0,0.01", "1,0.9,0.8,20.0,60.0,0.005"));
        Path cmpChart = dir.resolve("cmp.svg");
        Cli cmp = Cli.run("compare", run.toString(), other.toString(), "-o", cmpChart.toString());
        assertEquals(0, cmp.status(), cmp::err);
        List<String> report = cmp.out().lines().toList();
        assertEquals("run    epochs  final top-1  best top-1  best epoch  wall time", report.get(0));
        String[] first = report.get(1).trim().split("\\s+");
        String[] last = summary.get(3).split(",");
        double best = summary.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[3])).max().orElseThrow();
        assertEquals(List.of("run", "3", String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(last[3])),
                String.format(java.util.Locale.ROOT, "%.2f", best)), List.of(first).subList(0, 4));
        assertTrue(first[5].matches("0:00:\\d\\d"), report.get(1));
        assertEquals("other       2        20.00       20.00           1          -", report.get(2));
        assertEquals("chart: " + cmpChart, report.get(3));
        assertTrue(Files.readString(cmpChart).contains("runs: run, other"), "the SVG says what it shows");
    }

    @Test
    void aScheduleThatCannotWorkTrainsAsTimmWithOneWarningLine() throws IOException {
        Path run = dir.resolve("warned");
        Cli r = Cli.run("train", data.toString(), "--model", "smallcnn", "--img-size", "8", "--threads", "1", "-b", "8",
                "--sched", "cosine", "--lr", "0.05", "--epochs", "2", "--warmup-epochs", "2", "--output", run.toString());
        assertEquals(0, r.status(), r::err);
        assertEquals("lr4j: warning: --warmup-epochs 2 covers the whole 2-epoch cosine schedule: the rate only climbs"
                + " from --warmup-lr 0.00001 towards --lr 0.05 and the schedule itself never runs; lower --warmup-epochs"
                + " below 2 or set --warmup-prefix\n", r.err());
        assertEquals(3, Files.readAllLines(run.resolve("summary.csv")).size(), "trained as timm does");
    }

    @Test
    void helpSaysTheEpochsDefaultDependsOnTheData() {
        Cli h = Cli.run("train", "--help");
        assertEquals(0, h.status());
        String flat = h.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("--epochs=N Epochs to train; t_initial (default: 20 on the built-in data, 10 on"
                + " fashion-mnist, 300 on an image folder)."), h.out());
        assertTrue(Cli.run("table", "--help").out().replaceAll("\\s+", " ").contains("(default: 300)"), "table keeps timm's");
    }

    @Test
    void badInputIsOneLineWithStatus2() throws IOException {
        Cli.run("train", dir.resolve("missing").toString()).assertBadInput("DATA_DIR " + dir.resolve("missing") + " does not exist");
        Cli.run("train", "--model", "vgg").assertBadInput("--model must be one of smallcnn, resnet18, resnet34, resnet50, got vgg");
        Cli.run("train", data.toString(), "--img-size", "8")
                .assertBadInput("--img-size must be >= 32 for model resnet50, got 8");
        Cli.run("train", "--opt", "lion").assertBadInput("--opt must be one of");
        Cli.run("train", "--resume", dir.resolve("none.ckpt").toString())
                .assertBadInput("checkpoint " + dir.resolve("none.ckpt") + " does not exist");
        Path garbage = Files.write(dir.resolve("garbage.ckpt"), new byte[] {1, 2, 3});
        Cli.run("train", "--resume", garbage.toString()).assertBadInput("is truncated or damaged");
        Cli.run(train("-b", "64")).assertBadInput("--batch-size must be <= the 16 training images");
    }

    /**
     * --schedule with --step-on updates: the summary's lr of each epoch (the rate after its last update, as
     * train.py logs it) is the rate table --schedule gives after that many steps, held at the last step's
     * (10) past the schedule's end.
     */
    @Test
    void trainsWithAPythonScheduleSteppedOnUpdates() throws IOException {
        Path run = dir.resolve("run-onecycle");
        String call = "OneCycleLR(max_lr=0.1, total_steps=10)";
        Cli r = Cli.run("train", data.toString(), "--model", "smallcnn", "--img-size", "8", "--threads", "1", "-b", "4",
                "--schedule", call, "--step-on", "updates", "--output", run.toString());
        assertEquals(0, r.status(), r::err);
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals(1 + 3, summary.size(), "10 steps of 4 updates per epoch: 3 epochs");
        Cli t = Cli.run("table", "--schedule", call, "--steps", "11");
        assertEquals(0, t.status(), t::err);
        List<String> rows = t.out().lines().skip(1).toList();
        for (int e = 0; e < 3; e++) {
            assertEquals(Double.parseDouble(rows.get(Math.min(4 * (e + 1), 10)).split(",")[1]),
                    Double.parseDouble(summary.get(e + 1).split(",")[5]), 0.0, "lr of epoch " + e);
        }
        Cli.run("train", data.toString(), "--schedule", "OneCycleLR(max_lr=0.1, total_steps=10", "--step-on", "updates")
                .assertBadInput("--schedule: column 38");
        Cli.run("train", data.toString(), "--step-on", "updates").assertBadInput("--step-on needs --schedule");
    }

    /**
     * --schedule "OneCycleLR(...)" --step-on updates with --opt adam: OneCycleLR cycles Adam's betas[0]
     * (cycle_momentum defaults to True, no longer refused), and the run trains; its last.ckpt resumes (the
     * scheduler's own state is in the checkpoint) to the same summary.csv.
     */
    @Test
    void trainsWithOneCycleOnAdamAndResumesIt() throws IOException {
        Path run = dir.resolve("run-onecycle-adam");
        Cli r = Cli.run("train", data.toString(), "--model", "smallcnn", "--img-size", "8", "--threads", "1", "-b", "4",
                "--schedule", "OneCycleLR(max_lr=0.01, total_steps=8)", "--step-on", "updates", "--opt", "adam",
                "--output", run.toString());
        assertEquals(0, r.status(), r::err);
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals(1 + 2, summary.size(), "8 steps of 4 updates per epoch: 2 epochs");
        Cli resumed = Cli.run("train", "--resume", run.resolve("last.ckpt").toString());
        assertEquals(0, resumed.status(), resumed::err);
        assertEquals(summary, Files.readAllLines(run.resolve("summary.csv")));
    }

    /** Fashion-MNIST-shaped IDX files: {@code count} images of each split, label {@code i % 10}. */
    private static Path fashionFiles(int train, int test) throws IOException {
        Path d = Files.createDirectories(dir.resolve("fashion"));
        for (String kind : List.of("train", "t10k")) {
            int n = kind.equals("train") ? train : test;
            byte[] pixels = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                for (int p = 0; p < 784; p++) {
                    pixels[i * 784 + p] = (byte) ((p % 28 < 14 ? 40 : 200) + labels[i] * 5);
                }
            }
            idx(d.resolve(kind + "-images-idx3-ubyte.gz"), new int[] {0x803, n, 28, 28}, pixels);
            idx(d.resolve(kind + "-labels-idx1-ubyte.gz"), new int[] {0x801, n}, labels);
        }
        return d;
    }

    private static void idx(Path file, int[] header, byte[] data) throws IOException {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int h : header) {
                out.writeInt(h);
            }
            out.write(data);
        }
    }

    @Test
    void trainsOnFashionMnistFiles() throws IOException {
        Path files = fashionFiles(24, 5);
        Path run = dir.resolve("fashion-run");
        Cli r = Cli.run("train", "--dataset", "torch/fashion_mnist", "--data-dir", files.toString(), "--train-size",
                "16", "-b", "8", "--epochs", "2", "--threads", "1", "--output", run.toString());
        assertEquals(0, r.status(), r::err);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("train: Fashion-MNIST " + files + ", 10 classes, 16 train / 5 val images;"
                + " smallcnn (24,058 parameters)"), lines.get(0));
        assertTrue(lines.get(0).contains("epochs 0 to 1 of 2, 2 updates each"), lines.get(0));
        assertTrue(lines.get(lines.size() - 2).matches("training: [0-9.]+ images/s \\(32 images in [0-9.]+ s of"
                + " training loops, evaluation excluded\\)"), r.out());
        String args = Files.readString(run.resolve("args.json"));
        assertTrue(args.contains("\"dataset\": \"fashion-mnist\""), args);
        assertTrue(args.contains("\"img_size\": 28"), args);
        assertTrue(args.contains("\"in_chans\": 1"), args);
        assertTrue(args.contains("\"train_size\": 16"), args);
    }

    @Test
    void badFashionMnistInputIsOneLine() throws IOException {
        Path files = fashionFiles(24, 5);
        Path none = dir.resolve("no-fashion");
        Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", none.toString())
                .assertBadInput("apt-get install dataset-fashion-mnist");
        Cli.run("train", "--dataset", "mnist").assertBadInput("--dataset must be one of fashion-mnist, torch/fashion_mnist");
        Cli.run("train", "--train-size", "100").assertBadInput("--train-size needs a dataset (--dataset fashion-mnist)");
        Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", files.toString(), "--in-chans", "3")
                .assertBadInput("--in-chans must be 1 for dataset fashion-mnist (grayscale images), got 3");
        Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", files.toString(), "--train-size", "25")
                .assertBadInput("--train-size must be <= the 24 training images of " + files + ", got 25");
    }
}
