package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.train.Checkpoint;

/**
 * A real SIGKILL: {@code lr4j train} on the built-in data runs in a child JVM ({@code org.lr4j.cli.Lr4j}, the
 * launcher's main) and is killed with SIGKILL in the middle of epoch 1 (a fifth of an epoch's time after epoch
 * 0's line); {@code lr4j train --resume RUN/last.ckpt} then writes the {@code summary.csv} of the run that
 * was never interrupted: losses within 1e-6 relative, accuracies and lr exactly.
 */
class KilledRunTest {
    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch (\\d+)/\\d+ .*?  ([0-9.]+)s  .*$");

    private static List<String> flags(Path out) {
        return List.of("train", "--opt", "adamw", "--lr", "0.003", "--sched", "tanh", "--epochs", "3",
                "--warmup-epochs", "1", "--lr-noise", "0.3", "--seed", "5", "--threads", "1", "--output", out.toString());
    }

    @Test
    void aRunKilledMidEpochResumesToTheUninterruptedSummary(@TempDir Path tmp) throws Exception {
        Path full = tmp.resolve("full");
        Cli ref = Cli.run(flags(full).toArray(String[]::new));
        assertEquals(0, ref.status(), ref::err);

        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Lr4j.class.getName()));
        cmd.addAll(flags(killed));
        Process child = new ProcessBuilder(cmd).redirectError(tmp.resolve("child.err").toFile()).start();
        double epochSeconds = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = EPOCH_LINE.matcher(line);
                if (m.matches() && m.group(1).equals("0")) {
                    epochSeconds = Double.parseDouble(m.group(2));
                    break;
                }
            }
            assertTrue(epochSeconds > 0, () -> "the child printed epoch 0's line; stderr: " + read(tmp.resolve("child.err")));
            Thread.sleep((long) (200 * epochSeconds));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(128 + 9, child.exitValue(), "killed by SIGKILL");
        assertEquals(1, Checkpoint.read(killed.resolve("last.ckpt")).epoch(), "killed before epoch 1's checkpoint");

        Cli resumed = Cli.run("train", "--resume", killed.resolve("last.ckpt").toString());
        assertEquals(0, resumed.status(), resumed::err);
        assertTrue(resumed.out().contains("epochs 1 to 2 of 3"), resumed.out());
        assertSameSummary(full.resolve("summary.csv"), killed.resolve("summary.csv"));
    }

    static void assertSameSummary(Path expected, Path actual) throws IOException {
        List<String> e = Files.readAllLines(expected);
        List<String> a = Files.readAllLines(actual);
        assertEquals(e.size(), a.size(), "rows of " + actual);
        assertEquals(e.get(0), a.get(0));
        for (int i = 1; i < e.size(); i++) {
            String[] x = e.get(i).split(",");
            String[] y = a.get(i).split(",");
            assertEquals(x[0], y[0], "epoch");
            for (int c = 1; c <= 2; c++) {
                double v = Double.parseDouble(x[c]);
                assertEquals(v, Double.parseDouble(y[c]), 1e-6 * Math.abs(v), "row " + i + " column " + c);
            }
            for (int c = 3; c <= 5; c++) {
                assertEquals(Double.parseDouble(x[c]), Double.parseDouble(y[c]), 0.0, "row " + i + " column " + c);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
