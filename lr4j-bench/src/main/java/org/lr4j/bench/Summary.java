package org.lr4j.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json -rff FILE}) into the Markdown table of {@code BENCHMARKS.md}:
 * for each benchmark and parameter set, the median of the measurement iterations, their spread (lowest
 * and highest iteration) and, when the run had {@code -prof gc}, the median allocation per operation.
 *
 * <pre>
 * java -cp lr4j-bench/target/benchmarks.jar org.lr4j.bench.Summary results.json
 * </pre>
 */
public final class Summary {
    private Summary() {
    }

    /**
     * Prints the table for every JSON file named.
     *
     * @param args JMH JSON result files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Summary RESULTS.json...");
            System.exit(2);
        }
        System.out.println("| benchmark | parameters | median | spread (min - max) | unit | alloc (B/op) |");
        System.out.println("|---|---|---:|---:|---|---:|");
        for (String file : args) {
            try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
                    System.out.println(row(e.getAsJsonObject()));
                }
            }
        }
    }

    private static String row(JsonObject run) {
        String name = run.get("benchmark").getAsString().replace("org.lr4j.bench.", "");
        StringBuilder params = new StringBuilder();
        if (run.has("params")) {
            for (Map.Entry<String, JsonElement> p : run.getAsJsonObject("params").entrySet()) {
                params.append(params.length() > 0 ? ", " : "").append(p.getKey()).append('=')
                        .append(p.getValue().getAsString());
            }
        }
        JsonObject primary = run.getAsJsonObject("primaryMetric");
        List<Double> scores = raw(primary);
        String alloc = "";
        if (run.has("secondaryMetrics") && run.getAsJsonObject("secondaryMetrics").has("gc.alloc.rate.norm")) {
            double bytes = median(raw(run.getAsJsonObject("secondaryMetrics").getAsJsonObject("gc.alloc.rate.norm")));
            alloc = bytes < 0.5 ? "0" : format(bytes);
        }
        return "| " + name + " | " + params + " | " + format(median(scores)) + " | " + format(Collections.min(scores))
                + " - " + format(Collections.max(scores)) + " | " + primary.get("scoreUnit").getAsString() + " | "
                + alloc + " |";
    }

    private static List<Double> raw(JsonObject metric) {
        List<Double> out = new ArrayList<>();
        for (JsonElement fork : metric.getAsJsonArray("rawData")) {
            JsonArray iterations = fork.getAsJsonArray();
            for (JsonElement v : iterations) {
                out.add(v.getAsDouble());
            }
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
