package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.djl.OptimizerState;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;
import org.lr4j.state.StateJson;

class CheckpointTest {
    private static final SchedulerState PLATEAU = new SchedulerState("plateau", List.of(0.1, 0.01), List.of(0.05, 0.005),
            new PlateauState(Double.NEGATIVE_INFINITY, 3, 1, List.of(0.04, 0.004)));
    private static final OptimizerState ADAMW = new OptimizerState("adamw", Map.of("w", 70L),
            Map.of("exp_avg", Map.of("w", new OptimizerState.Buffer(new long[] {2}, new float[] {0.5f, -1f})),
                    "exp_avg_sq", Map.of("w", new OptimizerState.Buffer(new long[] {2}, new float[] {0.25f, 1f})),
                    "step", Map.of("w", new OptimizerState.Buffer(new long[] {1}, new float[] {70f}))));

    private static Checkpoint sample() {
        return new Checkpoint(7, 70, "smallcnn", List.of("a", "b"), 32, 200, 40, "adamw", PLATEAU, 5, 81.25,
                Map.of("sched", "plateau", "epochs", 10.0), new byte[] {1, 2, 3}, ADAMW);
    }

    @Test
    void aCheckpointRoundTripsWithPlateauCountersOptimizerStateAndInfinities(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("last.ckpt");
        sample().write(file);
        Checkpoint r = Checkpoint.read(file);
        assertEquals(7, r.epoch());
        assertEquals(70, r.numUpdates());
        assertEquals("smallcnn", r.model());
        assertEquals(List.of("a", "b"), r.classes());
        assertEquals(32, r.imgSize());
        assertEquals(200, r.trainImages());
        assertEquals(40, r.valImages());
        assertEquals("adamw", r.opt());
        assertEquals(PLATEAU, r.schedulerState());
        assertEquals(3, r.schedulerState().plateau().numBadEpochs());
        assertEquals(1, r.schedulerState().plateau().cooldownCounter());
        assertEquals(5, r.bestEpoch());
        assertEquals(81.25, r.bestMetric());
        assertEquals(Map.of("sched", "plateau", "epochs", 10.0), r.args());
        assertArrayEquals(new byte[] {1, 2, 3}, r.modelParams());
        assertEquals(ADAMW, r.optimizerState());

        // the entries, and SHA256SUMS in sha256sum's format over the other three
        Map<String, byte[]> entries = entries(file);
        assertEquals(List.of("meta.json", "model.params", "optimizer.state", "SHA256SUMS"), List.copyOf(entries.keySet()));
        assertEquals(Checkpoint.sha256(new byte[] {1, 2, 3}) + "  model.params",
                new String(entries.get("SHA256SUMS"), StandardCharsets.US_ASCII).lines().toList().get(1));
        // the SHA-256 of bytes 1, 2, 3 (sha256sum of printf '\x01\x02\x03')
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", Checkpoint.sha256(new byte[] {1, 2, 3}));

        // overwriting replaces the file whole and leaves no temporary file
        new Checkpoint(8, 80, "smallcnn", List.of("a", "b"), 32, 200, 40, "sgd",
                new SchedulerState("tanh", List.of(0.1), List.of(0.1), null), -1, Double.NaN, null, new byte[0],
                new OptimizerState("sgd", Map.of(), Map.of())).write(file);
        Checkpoint again = Checkpoint.read(file);
        assertEquals(8, again.epoch());
        assertNull(again.schedulerState().plateau());
        assertTrue(Double.isNaN(again.bestMetric()));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void truncatedCorruptFutureAndOldCheckpointsAreRefusedWithOneSentence(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.ckpt");
        sample().write(good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = Files.write(tmp.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals("checkpoint " + truncated + " is truncated or damaged (not a complete lr4j checkpoint archive);"
                + " resume from another checkpoint", refusal(truncated));
        Path empty = Files.write(tmp.resolve("empty.ckpt"), new byte[0]);
        assertTrue(refusal(empty).startsWith("checkpoint " + empty + " is truncated or damaged"));

        // one changed byte in the parameters: the archive is intact, the SHA-256 is not
        Path corrupt = rewrite(good, tmp.resolve("corrupt.ckpt"), Map.of("model.params", b -> new byte[] {1, 2, 4}));
        assertEquals("checkpoint " + corrupt + " is corrupt (the SHA-256 of its model.params differs from the one"
                + " recorded)", refusal(corrupt));
        Path corruptOpt = rewrite(good, tmp.resolve("corrupt-opt.ckpt"), Map.of("optimizer.state", b -> {
            byte[] c = b.clone();
            c[c.length - 1] ^= 1;
            return c;
        }));
        assertTrue(refusal(corruptOpt).endsWith("is corrupt (the SHA-256 of its optimizer.state differs from the one"
                + " recorded)"));
        Path corruptMeta = rewrite(good, tmp.resolve("corrupt-meta.ckpt"), Map.of("meta.json",
                b -> new String(b, StandardCharsets.UTF_8).replace("\"epoch\": 7", "\"epoch\": 9").getBytes(StandardCharsets.UTF_8)));
        assertTrue(refusal(corruptMeta).endsWith("is corrupt (the SHA-256 of its meta.json differs from the one recorded)"));
        // a byte flipped anywhere in the file is refused, whatever it hits
        for (int at = 0; at < bytes.length; at += 97) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= 0x10;
            Path f = Files.write(tmp.resolve("flip.ckpt"), flipped);
            try {
                Checkpoint c = Checkpoint.read(f);
                // a flip in ZIP fields that are not read (timestamps, comments) leaves the content intact
                assertEquals(sample().epoch(), c.epoch());
                assertEquals(ADAMW, c.optimizerState());
                assertArrayEquals(new byte[] {1, 2, 3}, c.modelParams());
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().contains("\n"));
                assertTrue(e.getMessage().startsWith("checkpoint " + f + " "), e.getMessage());
            }
        }

        Path future = rewrite(good, tmp.resolve("future.ckpt"), Map.of("meta.json",
                b -> new String(b, StandardCharsets.UTF_8).replace("\"version\": 2", "\"version\": 3").getBytes(StandardCharsets.UTF_8)));
        assertEquals("checkpoint " + future + " was written by a newer lr4j (checkpoint format version 3); this lr4j"
                + " reads version 2", refusal(future));
        Path old = rewrite(good, tmp.resolve("old.ckpt"), Map.of("meta.json",
                b -> new String(b, StandardCharsets.UTF_8).replace("\"version\": 2", "\"version\": 1").getBytes(StandardCharsets.UTF_8)));
        assertEquals("checkpoint " + old + " has checkpoint format version 1, which lacks the optimizer state; this"
                + " lr4j resumes from version 2 only", refusal(old));

        Path noSums = rewrite(good, tmp.resolve("nosums.ckpt"), Map.of("SHA256SUMS", b -> null));
        assertEquals("checkpoint " + noSums + " is damaged or incomplete (it has no SHA256SUMS)", refusal(noSums));
        Path noOpt = rewrite(good, tmp.resolve("noopt.ckpt"), Map.of("optimizer.state", b -> null));
        assertEquals("checkpoint " + noOpt + " is incomplete (it has no optimizer.state)", refusal(noOpt));
    }

    @Test
    void schedulerStateJsonKeepsInfinityAsAString() {
        SchedulerState s = new SchedulerState("plateau", List.of(0.1), List.of(0.1),
                new PlateauState(Double.POSITIVE_INFINITY, 0, 0, null));
        assertEquals("\"Infinity\"", com.google.gson.JsonParser.parseString(StateJson.toJson(s)).getAsJsonObject()
                .getAsJsonObject("plateau").get("best").toString());
        assertEquals(s, StateJson.fromJson(StateJson.toJson(s)));
    }

    private static String refusal(Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** A copy of {@code from} as a valid ZIP with some entries changed (a null result drops the entry). */
    static Path rewrite(Path from, Path to, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
        Map<String, byte[]> entries = entries(from);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] b = changes.getOrDefault(e.getKey(), UnaryOperator.identity()).apply(e.getValue());
                if (b != null) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(b);
                    zip.closeEntry();
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(to)) {
            out.write(bytes.toByteArray());
        }
        return to;
    }
}
