package org.lr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.plot.LrChart;
import org.lr4j.plot.LrSeries;
import org.lr4j.plot.TutorialGallery;

/**
 * The tutorial's cells as {@code lr4j explore} presets. Names, titles, descriptions, series labels, the
 * x axis and the log scale come from {@link TutorialGallery#cells()}; what is added here is each series
 * as {@code table} flags (a query string), kept as data in {@code explore-presets.tsv} beside this class,
 * and {@code ExplorePresetsTest} checks that the table of those flags gives the gallery's values, series by
 * series.
 *
 * <p>Four cells set timm 0.4 tanh's {@code decay_rate} or {@code warmup_prefix}, which timm 0.4's train.py
 * did not pass; lr4j's flags for them reach them under {@code --timm 0.4} (see their
 * {@link org.lr4j.factory.SchedulerOption}s). The noise cell's first series is what the group receives
 * ({@code --lr-noise 0.2} of 50 epochs is {@code noise_range_t = 10}, seeded with {@code --seed 42}), its
 * second the same schedule without noise.
 */
final class ExplorePresets {
    private static final String FILE = "explore-presets.tsv";

    /** Each gallery cell's series as table flags, in the chart's order. */
    static final Map<String, List<String>> FLAGS = flags();

    private ExplorePresets() {
    }

    /** {@code base} with {@code extra} flags on top (a flag in both takes extra's value). */
    static String onTop(String base, String extra) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String query : new String[] {base, extra}) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
        }
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + "=" + v));
        return String.join("&", out);
    }

    private static Map<String, List<String>> flags() {
        List<String> lines;
        try (InputStream in = ExplorePresets.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from lr4j's jar");
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read from lr4j's jar", e);
        }
        String tutorial = null;
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            if (f[0].equals("tutorial")) {
                tutorial = f[1];
                continue;
            }
            String query = f[1].equals("tutorial") || f[1].startsWith("tutorial&")
                    ? onTop(tutorial, f[1].substring("tutorial".length())) : f[1];
            m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(query);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(m);
    }

    /**
     * {@code /api/presets}: one entry per tutorial cell, in the tutorial's order: {@code name},
     * {@code title}, {@code description}, {@code log_y}, {@code x} ({@code epoch} or {@code update}), and
     * {@code configs} (each a {@code label} and its {@code flags}).
     */
    static List<Map<String, Object>> presets() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TutorialGallery.Cell cell : TutorialGallery.cells()) {
            LrChart chart = cell.chart();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", cell.name());
            m.put("title", chart.title());
            m.put("description", cell.description());
            m.put("log_y", chart.logY());
            m.put("x", chart.xLabel());
            List<String> flags = FLAGS.get(cell.name());
            List<Map<String, String>> configs = new ArrayList<>();
            List<LrSeries> series = chart.series();
            for (int i = 0; i < flags.size(); i++) {
                configs.add(Map.of("label", series.get(i).label(), "flags", flags.get(i)));
            }
            m.put("configs", configs);
            out.add(m);
        }
        return out;
    }
}
