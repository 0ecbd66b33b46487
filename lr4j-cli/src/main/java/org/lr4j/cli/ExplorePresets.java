package org.lr4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.plot.LrChart;
import org.lr4j.plot.LrSeries;
import org.lr4j.plot.TutorialGallery;

/**
 * The tutorial's cells as {@code lr4j explore} presets. Names, titles, descriptions, series labels, the
 * x axis and the log scale come from {@link TutorialGallery#cells()}; what is added here is each series
 * as {@code table} flags (a query string), and {@code ExplorePresetsTest} checks that the table of those
 * flags gives the gallery's values, series by series.
 *
 * <p>Three cells set timm 0.4's {@code decay_rate}, which no train.py flag reaches under
 * {@code --timm 0.4} (train.py of timm 0.4 did not pass it to {@code TanhLRScheduler}); they have no
 * flags and are listed with that reason instead.
 */
final class ExplorePresets {
    /** The tutorial's flags: timm 0.4's {@code TanhLRScheduler(optimizer, t_initial=50)} with lr 1e-4. */
    static final String TUTORIAL = "sched=tanh&timm=0.4&lr=1e-4&epochs=50&warmup-epochs=0&warmup-lr=0&lr-cycle-limit=0";

    /** Each gallery cell's series as table flags, in the chart's order; null for a cell no flags reach. */
    static final Map<String, List<String>> FLAGS = flags();

    private ExplorePresets() {
    }

    /** {@link #TUTORIAL} with {@code extra} flags on top (a flag in both takes extra's value). */
    static String tutorial(String extra) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String query : new String[] {TUTORIAL, extra}) {
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
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("t_mul-1", List.of(tutorial("lr-cycle-mul=1&end-epoch=150")));
        m.put("t_mul-2", List.of(tutorial("lr-cycle-mul=2&end-epoch=150")));
        m.put("decay_rate-1", List.of(tutorial("end-epoch=100")));
        m.put("decay_rate-0.5", null);
        m.put("warmup", List.of(tutorial("warmup-epochs=5&warmup-lr=1e-5"), tutorial("")));
        m.put("warmup_prefix", null);
        m.put("cycle_limit-1", List.of(tutorial("lr-cycle-limit=1&end-epoch=100")));
        m.put("cycle_limit-2", List.of(tutorial("lr-cycle-limit=2&end-epoch=100")));
        m.put("t_in_epochs-false", List.of(tutorial("sched-on-updates=true")));
        m.put("defaults-0.4-vs-current", List.of(tutorial("end-epoch=150"),
                "sched=tanh&lr=1e-4&epochs=50&warmup-epochs=0&warmup-lr=0&end-epoch=150"));
        m.put("noise", null);
        m.put("lr_min-decay", null);
        return m;
    }

    /** Why a cell has no flags. */
    static String unreachable(String cell) {
        return cell.equals("warmup_prefix")
                ? "warmup_prefix: timm 0.4's train.py did not pass warmup_prefix to TanhLRScheduler, so no flag reaches it under timm=0.4"
                : cell + ": sets decay_rate, which timm 0.4's train.py did not pass to TanhLRScheduler, so no flag reaches it under timm=0.4";
    }

    /**
     * {@code /api/presets}: one entry per tutorial cell, in the tutorial's order: {@code name},
     * {@code title}, {@code description}, {@code log_y}, {@code x} ({@code epoch} or {@code update}), and
     * {@code configs} (each a {@code label} and its {@code flags}), or {@code unavailable} with the reason.
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
            if (flags == null) {
                m.put("unavailable", unreachable(cell.name()));
            } else {
                List<Map<String, String>> configs = new ArrayList<>();
                List<LrSeries> series = chart.series();
                for (int i = 0; i < flags.size(); i++) {
                    configs.add(Map.of("label", series.get(i).label(), "flags", flags.get(i)));
                }
                m.put("configs", configs);
            }
            out.add(m);
        }
        return out;
    }
}
