package org.lr4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.lr4j.compose.TrainLoopScheduler;
import org.lr4j.djl.OptimizerState;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.SchedulerState;
import org.lr4j.state.StateJson;

/**
 * A training checkpoint ({@code last.ckpt}, {@code best.ckpt} in the run folder): everything a killed run
 * needs to continue as if it had not stopped. A ZIP file of four entries:
 * <ul>
 *   <li>{@code meta.json}: {@code format} ({@value #FORMAT}), {@code version} ({@value #VERSION}), the
 *       epoch to continue from, the update count, model, classes, image size, the numbers of training and
 *       validation images, optimizer name, the scheduler's full state (plateau counters included), the best
 *       metric so far and its epoch, the run's arguments (Python names) and, for a {@code --schedule} run,
 *       {@code torch_schedule}: the PyTorch/transformers scheduler's own state and the steps made
 *       ({@link TrainLoopScheduler.LoopState}, what continues it exactly; {@code scheduler_state} then only
 *       records its rates);</li>
 *   <li>{@code model.params}: DJL's {@code Block.saveParameters}, every parameter, batch-norm running
 *       statistics included;</li>
 *   <li>{@code optimizer.state}: the optimizer's whole state ({@link OptimizerState}: step counts,
 *       momentum buffers, moments, accumulators);</li>
 *   <li>{@code SHA256SUMS}: the SHA-256 of each other entry, one {@code hex  name} line each, in the
 *       format {@code sha256sum -c} reads.</li>
 * </ul>
 * Written atomically (core's {@link AtomicFiles}). {@link #read(Path)} loads nothing unless the whole file
 * checks out: a truncated or damaged file, an entry whose SHA-256 differs, a format version other than
 * {@value #VERSION} (a newer lr4j's, or an older one without the optimizer state), or a malformed field is
 * refused with one sentence naming the file.
 *
 * <p>The data order needs no state: epoch {@code e}'s shuffle is a function of {@code (seed, e)}; neither
 * does the learning-rate noise, drawn from a generator seeded with {@code noise_seed + t}.
 *
 * @param epoch the epoch to continue from (epochs completed)
 * @param numUpdates optimizer updates done
 * @param model the model name
 * @param classes the class names
 * @param imgSize the image size
 * @param trainImages the number of training images
 * @param valImages the number of validation images
 * @param opt the optimizer name
 * @param schedulerState the scheduler's state after {@code step(epoch)}
 * @param bestEpoch the epoch of the best metric so far, or -1
 * @param bestMetric the best metric so far, or NaN
 * @param args the run's arguments (Python names)
 * @param modelParams the model's parameters as {@code Block.saveParameters} writes them
 * @param optimizerState the optimizer's state
 * @param torchSchedule a {@code --schedule} run's scheduler state, or null for timm's {@code --sched}
 */
public record Checkpoint(long epoch, long numUpdates, String model, List<String> classes, int imgSize,
        long trainImages, long valImages, String opt, SchedulerState schedulerState, long bestEpoch,
        double bestMetric, Map<String, Object> args, byte[] modelParams, OptimizerState optimizerState,
        TrainLoopScheduler.LoopState torchSchedule) {
    /** The value of {@code meta.json}'s {@code format}. */
    public static final String FORMAT = "lr4j-checkpoint";

    /** The format version written and read. Version 1 (before lr4j kept the optimizer state) is refused. */
    public static final int VERSION = 2;

    /**
     * A checkpoint of a timm {@code --sched} run (no {@code torch_schedule}).
     *
     * @param epoch the epoch to continue from
     * @param numUpdates optimizer updates done
     * @param model the model name
     * @param classes the class names
     * @param imgSize the image size
     * @param trainImages the number of training images
     * @param valImages the number of validation images
     * @param opt the optimizer name
     * @param schedulerState the scheduler's state
     * @param bestEpoch the epoch of the best metric so far, or -1
     * @param bestMetric the best metric so far, or NaN
     * @param args the run's arguments
     * @param modelParams the model's parameters
     * @param optimizerState the optimizer's state
     */
    public Checkpoint(long epoch, long numUpdates, String model, List<String> classes, int imgSize, long trainImages,
            long valImages, String opt, SchedulerState schedulerState, long bestEpoch, double bestMetric,
            Map<String, Object> args, byte[] modelParams, OptimizerState optimizerState) {
        this(epoch, numUpdates, model, classes, imgSize, trainImages, valImages, opt, schedulerState, bestEpoch,
                bestMetric, args, modelParams, optimizerState, null);
    }

    /** The entry of checksums. */
    static final String SUMS = "SHA256SUMS";
    static final String META = "meta.json";
    static final String PARAMS = "model.params";
    static final String OPTIMIZER = "optimizer.state";

    private static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues()
            .setPrettyPrinting().create();

    /**
     * Copies the lists and map.
     *
     * @throws NullPointerException when the model, classes, optimizer name, scheduler state, parameters
     *     or optimizer state is null
     */
    public Checkpoint {
        java.util.Objects.requireNonNull(model, "model");
        classes = List.copyOf(classes);
        java.util.Objects.requireNonNull(opt, "opt");
        java.util.Objects.requireNonNull(schedulerState, "schedulerState");
        java.util.Objects.requireNonNull(modelParams, "modelParams");
        java.util.Objects.requireNonNull(optimizerState, "optimizerState");
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
    }

    /**
     * Writes this checkpoint to {@code file} atomically.
     *
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        JsonObject meta = new JsonObject();
        meta.addProperty("format", FORMAT);
        meta.addProperty("version", VERSION);
        meta.addProperty("epoch", epoch);
        meta.addProperty("num_updates", numUpdates);
        meta.addProperty("model", model);
        meta.add("classes", GSON.toJsonTree(classes));
        meta.addProperty("img_size", imgSize);
        meta.addProperty("train_images", trainImages);
        meta.addProperty("val_images", valImages);
        meta.addProperty("opt", opt);
        meta.add("scheduler_state", JsonParser.parseString(StateJson.toJson(schedulerState)));
        meta.addProperty("best_epoch", bestEpoch);
        meta.addProperty("best_metric", Double.isNaN(bestMetric) ? null : bestMetric);
        meta.add("args", GSON.toJsonTree(args));
        if (torchSchedule != null) {
            meta.add("torch_schedule", LoopStateJson.toJson(torchSchedule));
        }
        ByteArrayOutputStream opt = new ByteArrayOutputStream();
        optimizerState.write(opt);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(META, GSON.toJson(meta).getBytes(StandardCharsets.UTF_8));
        entries.put(PARAMS, modelParams);
        entries.put(OPTIMIZER, opt.toByteArray());
        StringBuilder sums = new StringBuilder();
        entries.forEach((name, bytes) -> sums.append(sha256(bytes)).append("  ").append(name).append('\n'));
        entries.put(SUMS, sums.toString().getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                // stored, not deflated: float weights hardly compress (7 % for resnet18), and deflating them
                // took about 3 s per resnet18 checkpoint
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCompressedSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads a checkpoint, checking all of it before returning anything.
     *
     * @throws IllegalArgumentException naming the file when it does not exist, is not a regular file, is
     *     truncated or damaged, fails its SHA-256 check, has another format version, or has a missing or
     *     malformed field
     */
    public static Checkpoint read(Path file) {
        String what = "checkpoint " + file;
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(what + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " is not a file");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is truncated or damaged (not a complete lr4j checkpoint"
                    + " archive); resume from another checkpoint", e);
        }
        byte[] metaBytes = entries.get(META);
        if (metaBytes == null) {
            throw new IllegalArgumentException(what + " is not an lr4j checkpoint (it has no " + META + ")");
        }
        JsonObject m = null;
        try {
            m = JsonParser.parseString(new String(metaBytes, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            checkSums(entries, what);
            throw new IllegalArgumentException(what + " has a malformed " + META + " (not a JSON object)", e);
        }
        try {
            JsonElement format = m.get("format");
            if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
                throw new IllegalArgumentException(what + " is not an lr4j checkpoint (its format is " + format + ")");
            }
            JsonElement v = m.get("version");
            int version = v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() ? -1 : v.getAsInt();
            if (version > VERSION) {
                throw new IllegalArgumentException(what + " was written by a newer lr4j (checkpoint format version "
                        + version + "); this lr4j reads version " + VERSION);
            }
            if (version < VERSION) {
                throw new IllegalArgumentException(what + " has checkpoint format version " + v + ", which lacks the"
                        + " optimizer state; this lr4j resumes from version " + VERSION + " only");
            }
            checkSums(entries, what);
            return parse(m, entries, what);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException
                | ClassCastException e) {
            throw new IllegalArgumentException(what + " has a malformed " + META + ": " + e.getMessage(), e);
        }
    }

    private static Checkpoint parse(JsonObject m, Map<String, byte[]> entries, String what) {
        List<String> classes = new ArrayList<>();
        for (JsonElement c : field(m, "classes", what).getAsJsonArray()) {
            classes.add(c.getAsString());
        }
        JsonElement best = m.get("best_metric");
        @SuppressWarnings("unchecked")
        Map<String, Object> args = m.get("args") == null || m.get("args").isJsonNull() ? Map.of()
                : GSON.fromJson(m.get("args"), LinkedHashMap.class);
        long epoch = field(m, "epoch", what).getAsLong();
        long numUpdates = field(m, "num_updates", what).getAsLong();
        if (epoch < 0 || numUpdates < 0) {
            throw new IllegalArgumentException(what + " has a negative epoch or update count");
        }
        SchedulerState state;
        try {
            state = StateJson.fromJson(field(m, "scheduler_state", what).toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        TrainLoopScheduler.LoopState torchSchedule = null;
        if (m.get("torch_schedule") != null && !m.get("torch_schedule").isJsonNull()) {
            try {
                torchSchedule = LoopStateJson.fromJson(m.get("torch_schedule"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }
        OptimizerState optimizer;
        try {
            optimizer = OptimizerState.read(new ByteArrayInputStream(entry(entries, OPTIMIZER, what)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        String opt = field(m, "opt", what).getAsString();
        if (!optimizer.opt().equals(opt)) {
            throw new IllegalArgumentException(what + " holds the state of opt " + optimizer.opt() + " for opt " + opt);
        }
        return new Checkpoint(epoch, numUpdates, field(m, "model", what).getAsString(), classes,
                field(m, "img_size", what).getAsInt(), field(m, "train_images", what).getAsLong(),
                field(m, "val_images", what).getAsLong(), opt, state,
                m.get("best_epoch") == null ? -1 : m.get("best_epoch").getAsLong(),
                best == null || best.isJsonNull() ? Double.NaN : best.getAsDouble(), args,
                entry(entries, PARAMS, what), optimizer, torchSchedule);
    }

    /** Checks every entry against {@code SHA256SUMS}, which must list exactly the other entries. */
    private static void checkSums(Map<String, byte[]> entries, String what) {
        byte[] sums = entries.get(SUMS);
        if (sums == null) {
            throw new IllegalArgumentException(what + " is damaged or incomplete (it has no " + SUMS + ")");
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(sums, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep != 64) {
                throw new IllegalArgumentException(what + " is damaged (its " + SUMS + " is malformed)");
            }
            listed.put(line.substring(sep + 2), line.substring(0, sep));
        }
        for (String name : entries.keySet()) {
            if (!name.equals(SUMS) && !listed.containsKey(name)) {
                throw new IllegalArgumentException(what + " is damaged (" + SUMS + " does not list " + name + ")");
            }
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            byte[] bytes = entries.get(e.getKey());
            if (bytes == null) {
                throw new IllegalArgumentException(what + " is incomplete (it has no " + e.getKey() + ")");
            }
            if (!sha256(bytes).equals(e.getValue())) {
                throw new IllegalArgumentException(what + " is corrupt (the SHA-256 of its " + e.getKey()
                        + " differs from the one recorded)");
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static JsonElement field(JsonObject m, String name, String what) {
        JsonElement e = m.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(what + " " + META + " has no " + name);
        }
        return e;
    }

    private static byte[] entry(Map<String, byte[]> entries, String name, String what) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new IllegalArgumentException(what + " is incomplete (it has no " + name + ")");
        }
        return b;
    }
}
