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

        // --resume alone takes the run's flags from its args.json: the run is complete, nothing is redone
        Cli again = Cli.run("train", "--resume", run.resolve("last.ckpt").toString());
        assertEquals(0, again.status(), again::err);
        assertTrue(again.out().contains("epochs 3 to 2 of 3"), again.out());
        assertEquals(summary, Files.readAllLines(run.resolve("summary.csv")));
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
        Cli.run("train", "--resume", garbage.toString()).assertBadInput("is not a readable lr4j checkpoint");
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
}
