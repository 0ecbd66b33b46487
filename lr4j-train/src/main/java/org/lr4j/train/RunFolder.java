package org.lr4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.IoErrors;

/**
 * A run folder as {@code lr4j train} writes it, for the commands that read one ({@code lr4j compare}):
 * {@code summary.csv} (exactly {@code epoch,train_loss,eval_loss,eval_top1,eval_top5,lr}, one row per
 * epoch) and {@code run.json}, the run's metadata beside {@code args.json}:
 *
 * <pre>{@code
 * {"wall_seconds": 41.3, "train_seconds": 35.2, "train_images": 79872,
 *  "epochs": [{"epoch": 0, "seconds": 10.4, "train_seconds": 8.8, "train_images": 19968}, ...]}
 * }</pre>
 *
 * <p>{@code seconds} is an epoch's wall time (training and evaluation), {@code wall_seconds} the
 * sum over the epochs; {@code train_seconds} and {@code train_images} the time spent in the training
 * updates and the images they saw (so {@code train_images / train_seconds} is the training throughput). A resumed run keeps the entries of the epochs before its checkpoint, so the figures always
 * describe exactly the epochs of {@code summary.csv}. Written atomically after every epoch.
 */
public final class RunFolder {
    /** The summary's file name. */
    public static final String SUMMARY = "summary.csv";
    /** The metadata's file name. */
    public static final String META = "run.json";

    private RunFolder() {
    }

    /**
     * One epoch's times.
     *
     * @param epoch the epoch
     * @param seconds the epoch's wall time (training and evaluation)
     * @param trainSeconds the time in its training updates
     * @param trainImages the training images its updates saw
     */
    public record EpochTime(long epoch, double seconds, double trainSeconds, long trainImages) {
    }

    /**
     * A run's metadata: each epoch's times, in epoch order.
     *
     * @param epochs one entry per epoch of {@code summary.csv}
     */
    public record Meta(List<EpochTime> epochs) {
        /** Copies the list. */
        public Meta {
            epochs = List.copyOf(epochs);
        }

        /** The epochs' wall time in seconds. */
        public double wallSeconds() {
            return epochs.stream().mapToDouble(EpochTime::seconds).sum();
        }

        /** The time in the training updates, all epochs. */
        public double trainSeconds() {
            return epochs.stream().mapToDouble(EpochTime::trainSeconds).sum();
        }

        /** The training images the updates saw, all epochs. */
        public long trainImages() {
            return epochs.stream().mapToLong(EpochTime::trainImages).sum();
        }

        /** This metadata with one more epoch. */
        Meta plus(EpochTime epoch) {
            List<EpochTime> all = new ArrayList<>(epochs);
            all.add(epoch);
            return new Meta(all);
        }

        /** The metadata of the epochs before {@code n} (a resume drops the later ones). */
        Meta before(long n) {
            return new Meta(epochs.stream().filter(e -> e.epoch() < n).toList());
        }
    }

    /**
     * The rows of {@code dir/summary.csv}.
     *
     * @throws IllegalArgumentException naming the folder or file: missing, unreadable or malformed
     */
    public static List<SummaryRow> summary(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
        }
        Path file = dir.resolve(SUMMARY);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(dir + ": no " + SUMMARY + " (not an lr4j train run folder)");
        }
        return SummaryCsv.read(file);
    }

    /**
     * The metadata of {@code dir}, or null when it has none (a run folder of an older lr4j).
     *
     * @throws IllegalArgumentException naming the file when it is unreadable or malformed
     */
    public static Meta meta(Path dir) {
        Path file = dir.resolve(META);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + IoErrors.reason(e), e);
        }
        try {
            Map<?, ?> m = new Gson().fromJson(text, Map.class);
            List<EpochTime> epochs = new ArrayList<>();
            for (Object o : (List<?>) m.get("epochs")) {
                Map<?, ?> e = (Map<?, ?>) o;
                epochs.add(new EpochTime(((Number) e.get("epoch")).longValue(), ((Number) e.get("seconds")).doubleValue(),
                        ((Number) e.get("train_seconds")).doubleValue(), ((Number) e.get("train_images")).longValue()));
            }
            return new Meta(epochs);
        } catch (JsonParseException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": malformed run metadata (a list of epochs with seconds,"
                    + " train_seconds and train_images expected)", e);
        }
    }

    /** Writes {@code meta} to {@code dir/run.json} atomically. */
    static void writeMeta(Path dir, Meta meta) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_seconds", meta.wallSeconds());
        m.put("train_seconds", meta.trainSeconds());
        m.put("train_images", meta.trainImages());
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochTime t : meta.epochs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", t.epoch());
            e.put("seconds", t.seconds());
            e.put("train_seconds", t.trainSeconds());
            e.put("train_images", t.trainImages());
            epochs.add(e);
        }
        m.put("epochs", epochs);
        AtomicFiles.writeString(dir.resolve(META), new GsonBuilder().setPrettyPrinting().create().toJson(m) + "\n");
    }
}
