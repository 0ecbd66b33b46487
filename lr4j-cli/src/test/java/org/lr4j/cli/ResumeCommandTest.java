package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lr4j train --resume}: a truncated, corrupt, future-version or mismatched checkpoint, or a flag that
 * would change the model, data, optimizer or schedule, is refused with status 2 and one line; {@code --output},
 * {@code --threads} and {@code --epochs} may change.
 */
class ResumeCommandTest {
    @TempDir
    static Path dir;
    private static Path data;
    private static Path run;
    private static Path last;

    @BeforeAll
    static void aShortRun() throws IOException {
        data = dir.resolve("data");
        for (String split : List.of("train", "val")) {
            for (int k = 0; k < 2; k++) {
                Path d = Files.createDirectories(data.resolve(split).resolve("c" + k));
                for (int i = 0; i < (split.equals("train") ? 8 : 2); i++) {
                    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int p = 0; p < 64; p++) {
                        int v = (p * 7 + i * 13) % 40 + (k == 0 ? 150 : 30);
                        img.setRGB(p % 8, p / 8, (v << 16) | (60 << 8) | (200 - v));
                    }
                    ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
                }
            }
        }
        run = dir.resolve("run");
        Cli r = Cli.run("train", data.toString(), "--model", "smallcnn", "--img-size", "8", "--threads", "1", "-b", "4",
                "--opt", "rmsprop", "--sched", "tanh", "--epochs", "2", "--lr", "0.01", "--lr-noise", "0.5",
                "--output", run.toString());
        assertEquals(0, r.status(), r::err);
        last = run.resolve("last.ckpt");
    }

    private static Cli resume(Path ckpt, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "train";
        args[1] = "--resume";
        args[2] = ckpt.toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        return Cli.run(args);
    }

    @Test
    void damagedCheckpointsAreRefusedWithOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(last);
        Path truncated = Files.write(run.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length - 100));
        resume(truncated).assertBadInput("checkpoint " + truncated + " is truncated or damaged");

        Path corrupt = rewrite(last, run.resolve("corrupt.ckpt"), "model.params", b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 1;
            return c;
        });
        resume(corrupt).assertBadInput("checkpoint " + corrupt + " is corrupt (the SHA-256 of its model.params differs");

        Path future = rewrite(last, run.resolve("future.ckpt"), "meta.json", b -> new String(b, StandardCharsets.UTF_8)
                .replace("\"version\": 2", "\"version\": 7").getBytes(StandardCharsets.UTF_8));
        resume(future).assertBadInput("checkpoint " + future + " was written by a newer lr4j (checkpoint format version 7)");

        Path notOurs = Files.writeString(run.resolve("notes.ckpt"), "just text");
        resume(notOurs).assertBadInput("checkpoint " + notOurs + " is truncated or damaged");
        assertEquals(3, Files.readAllLines(run.resolve("summary.csv")).size(), "the run folder is left alone");
    }

    @Test
    void flagsThatChangeTheRunAreRefusedNamingTheFlag() {
        resume(last, "--model", "resnet18", "--img-size", "32")
                .assertBadInput("--model must equal the checkpoint's to resume it (smallcnn in checkpoint " + last
                        + "; only output, threads and epochs may differ), got resnet18");
        resume(last, "--opt", "sgd").assertBadInput("--opt must equal the checkpoint's to resume it (rmsprop in");
        resume(last, "--lr", "0.02").assertBadInput("--lr must equal the checkpoint's to resume it (0.01 in");
        resume(last, "--seed", "7").assertBadInput("--seed must equal the checkpoint's to resume it (42 in");
        resume(last, "--momentum", "0.8").assertBadInput("--momentum must equal the checkpoint's to resume it (0.9 in");
        resume(last, "--lr-noise", "0.4").assertBadInput("--lr-noise must equal the checkpoint's to resume it ([0.5] in");
        resume(last, "--sched", "cosine").assertBadInput("--sched must equal the checkpoint's to resume it (tanh in");
    }

    @Test
    void outputThreadsAndEpochsMayChange() throws IOException {
        Path longer = dir.resolve("longer");
        Cli r = resume(last, "--output", longer.toString(), "--threads", "2", "--epochs", "3");
        assertEquals(0, r.status(), r::err);
        assertTrue(r.out().contains("epochs 2 to 2 of 3"), r.out());
        List<String> rows = Files.readAllLines(longer.resolve("summary.csv"));
        assertEquals(4, rows.size(), "the earlier rows come along from the checkpoint's folder");
        assertEquals(Files.readAllLines(run.resolve("summary.csv")).subList(0, 3), rows.subList(0, 3));
    }

    /** A copy of {@code from}, a valid ZIP, with entry {@code name} changed. */
    private static Path rewrite(Path from, Path to, String name, UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals(name) ? change.apply(e.getValue()) : e.getValue());
                zip.closeEntry();
            }
        }
        return Files.write(to, bytes.toByteArray());
    }
}
