package org.lr4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.SchedulerState;
import org.lr4j.state.StateJson;

/**
 * A training checkpoint ({@code last.ckpt}, {@code best.ckpt} in the run folder): a ZIP file holding
 * {@code meta.json} (format, the epoch to continue from, the update count, model, classes, image size,
 * optimizer, the scheduler's full state, the best metric so far, the run's arguments) and
 * {@code model.params} (DJL's {@code Block.saveParameters}: every parameter, batch-norm running
 * statistics included). Written atomically (core's {@link AtomicFiles}).
 *
 * <p>Optimizer state: the update count is kept ({@code num_updates}), and a resumed optimizer continues
 * counting from it ({@code optBeginNumUpdate}), so Adam's bias correction goes on where it stopped. The
 * optimizers' per-parameter buffers (SGD momentum, Adam's moments, RMSprop's and Adagrad's
 * accumulators) are not saved: DJL keeps its optimizers' buffers private, without an accessor, so a
 * resumed run starts them from zero again. This changes the first updates after a resume slightly, not
 * the learning rates, which come from the scheduler's state.
 *
 * @param epoch the epoch to continue from (epochs completed)
 * @param numUpdates optimizer updates done
 * @param model the model name
 * @param classes the class names
 * @param imgSize the image size
 * @param opt the optimizer name
 * @param schedulerState the scheduler's state after {@code step(epoch)}
 * @param bestEpoch the epoch of the best metric so far, or -1
 * @param bestMetric the best metric so far, or NaN
 * @param args the run's arguments (Python names)
 * @param modelParams the model's parameters as {@code Block.saveParameters} writes them
 */
public record Checkpoint(long epoch, long numUpdates, String model, List<String> classes, int imgSize, String opt,
        SchedulerState schedulerState, long bestEpoch, double bestMetric, Map<String, Object> args,
        byte[] modelParams) {
    /** The value of {@code meta.json}'s {@code format}. */
    public static final String FORMAT = "lr4j-checkpoint";

    /** The format version written. */
    public static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues()
            .setPrettyPrinting().create();

    /** Copies the lists and map. */
    public Checkpoint {
        classes = List.copyOf(classes);
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
        meta.addProperty("opt", opt);
        meta.add("scheduler_state", JsonParser.parseString(StateJson.toJson(schedulerState)));
        meta.addProperty("best_epoch", bestEpoch);
        meta.addProperty("best_metric", Double.isNaN(bestMetric) ? null : bestMetric);
        meta.add("args", GSON.toJsonTree(args));
        byte[] json = GSON.toJson(meta).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("meta.json"));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("model.params"));
            zip.write(modelParams);
            zip.closeEntry();
            zip.finish();
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException naming the file when it does not exist, cannot be read, or is not
     *     a well-formed lr4j checkpoint
     */
    public static Checkpoint read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("checkpoint " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("checkpoint " + file + " is not a file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] metaBytes = entry(zip, "meta.json", file);
            byte[] params = entry(zip, "model.params", file);
            JsonObject m = JsonParser.parseString(new String(metaBytes, StandardCharsets.UTF_8)).getAsJsonObject();
            if (m.get("format") == null || !FORMAT.equals(m.get("format").getAsString())) {
                throw new IllegalArgumentException("checkpoint " + file + " is not an lr4j checkpoint (format "
                        + m.get("format") + ")");
            }
            int version = field(m, "version", file).getAsInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("checkpoint " + file + " has format version " + version
                        + ", this lr4j reads " + VERSION);
            }
            List<String> classes = new ArrayList<>();
            for (JsonElement c : field(m, "classes", file).getAsJsonArray()) {
                classes.add(c.getAsString());
            }
            JsonElement best = m.get("best_metric");
            @SuppressWarnings("unchecked")
            Map<String, Object> args = m.get("args") == null || m.get("args").isJsonNull() ? Map.of()
                    : GSON.fromJson(m.get("args"), LinkedHashMap.class);
            long epoch = field(m, "epoch", file).getAsLong();
            long numUpdates = field(m, "num_updates", file).getAsLong();
            if (epoch < 0 || numUpdates < 0) {
                throw new IllegalArgumentException("checkpoint " + file + " has a negative epoch or update count");
            }
            SchedulerState state;
            try {
                state = StateJson.fromJson(field(m, "scheduler_state", file).toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpoint " + file + ": " + e.getMessage(), e);
            }
            return new Checkpoint(epoch, numUpdates, field(m, "model", file).getAsString(), classes,
                    field(m, "img_size", file).getAsInt(), field(m, "opt", file).getAsString(), state,
                    m.get("best_epoch") == null ? -1 : m.get("best_epoch").getAsLong(),
                    best == null || best.isJsonNull() ? Double.NaN : best.getAsDouble(), args, params);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is not a readable lr4j checkpoint: "
                    + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint " + file + " has malformed meta.json: " + e.getMessage(), e);
        }
    }

    private static JsonElement field(JsonObject m, String name, Path file) {
        JsonElement e = m.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("checkpoint " + file + " meta.json has no " + name);
        }
        return e;
    }

    private static byte[] entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IllegalArgumentException("checkpoint " + file + " has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
