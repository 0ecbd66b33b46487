package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lr4j.train.EpochResult;
import org.lr4j.train.RunInfo;
import org.lr4j.train.SummaryRow;

/** The progress a user sees: a bar redrawn in place on a terminal, plain per-epoch lines elsewhere. */
class TrainProgressTest {
    private static final RunInfo INFO = new RunInfo(Path.of("run"), "built-in shapes", List.of("a", "b"), 512, 64,
            "smallcnn", 1000, "sgd", "groups", 4, 0, 2, 2, "default");

    private static String[] drive(int width) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TrainProgress p = new TrainProgress(new PrintWriter(out), new PrintWriter(err), width, 128,
                List.of("--cooldown-epochs 3 has no effect with --sched step"));
        p.onStart(INFO);
        for (long e = 0; e < 2; e++) {
            p.onEpochStart(e);
            for (long b = 1; b <= 4; b++) {
                Thread.sleep(120);
                p.onBatch(e, b, 4, 0.5, 0.0125);
            }
            p.onEpoch(new EpochResult(new SummaryRow(e, 0.5, 0.4, 90, 100, 0.0125), 2, 4 * (e + 1), 0.6, e == 0));
        }
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceWithRateImagesPerSecondAndTimeLeft() throws InterruptedException {
        String[] r = drive(100);
        String err = r[1];
        assertTrue(err.startsWith("lr4j: warning: --cooldown-epochs 3 has no effect with --sched step\n"), err);
        String bars = err.substring(err.indexOf('\n') + 1);
        assertTrue(bars.startsWith("\repoch 0/1"), bars);
        assertTrue(bars.contains("\repoch 1/1"), bars);
        assertTrue(bars.contains("/4 ("), "updates done/total: " + bars);
        assertTrue(bars.contains("img/s lr 0.01250 loss 0.5000"), bars);
        assertTrue(bars.matches("(?s).*\\(0:00:0\\d / 0:00:0\\d\\).*"), "elapsed / left: " + bars);
        assertTrue(bars.endsWith("\r" + " ".repeat(100) + "\r"), "cleared before the epoch's line: " + bars);
        for (String part : bars.split("\r")) {
            assertTrue(part.length() <= 100, () -> "fits the terminal: " + part);
        }
        List<String> lines = r[0].lines().toList();
        assertEquals(3, lines.size(), r[0]);
    }

    @Test
    void elsewhereOnlyTheLinePerEpoch() throws InterruptedException {
        String[] r = drive(0);
        assertEquals("lr4j: warning: --cooldown-epochs 3 has no effect with --sched step\n", r[1]);
        List<String> lines = r[0].lines().toList();
        assertTrue(lines.get(0).startsWith("train: built-in shapes, 2 classes, 512 train / 64 val images"), lines.get(0));
        // 4 updates of 128 images in about 4 x 120 ms: about 1,000 images per second, fewer on a busy machine
        assertTrue(lines.get(1).matches("epoch 0/1  train_loss 0.5000  eval_loss 0.4000  top1 90.00  top5 100.00"
                + "  lr 0.0125000  0.6s  [\\d,]+ img/s  left 0:00:01  \\*best"), lines.get(1));
        int ips = Integer.parseInt(lines.get(1).replaceAll(".*  ([\\d,]+) img/s.*", "$1").replace(",", ""));
        assertTrue(ips > 100 && ips <= 1067, "images per second from the update times: " + ips);
        assertTrue(lines.get(2).matches("epoch 1/1 .* img/s"), "no time left after the last epoch: " + lines.get(2));
    }

    @Test
    void clockFormat() {
        assertEquals("0:00:05", TrainProgress.clock(4.6));
        assertEquals("1:02:03", TrainProgress.clock(3723));
    }
}
