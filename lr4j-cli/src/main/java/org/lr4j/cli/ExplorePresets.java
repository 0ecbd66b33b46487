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
 * <p>Four cells set timm 0.4 tanh's {@code decay_rate} or {@code warmup_prefix}, which timm 0.4's train.py
 * did not pass; lr4j's {@code --lr-cycle-decay} and {@code --warmup-prefix} reach them under
 * {@code --timm 0.4} (see {@link org.lr4j.factory.SchedulerOption#LR_CYCLE_DECAY}). The noise cell's
 * first series is what the group receives ({@code --lr-noise 0.2} of 50 epochs is {@code noise_range_t = 10},
 * seeded with {@code --seed 42}), its second the same schedule without noise.
 */
final class ExplorePresets {
    /** The tutorial's flags: timm 0.4's {@code TanhLRScheduler(optimizer, t_initial=50)} with lr 1e-4. */
    static final String TUTORIAL = "sched=tanh&timm=0.4&lr=1e-4&epochs=50&warmup-epochs=0&warmup-lr=0&lr-cycle-limit=0";

    /** Each gallery cell's series as table flags, in the chart's order. */
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
        m.put("decay_rate-0.5", List.of(tutorial("lr-cycle-decay=0.5&end-epoch=100")));
        m.put("warmup", List.of(tutorial("warmup-epochs=5&warmup-lr=1e-5"), tutorial("")));
        m.put("warmup_prefix", List.of(tutorial("warmup-epochs=5&warmup-lr=1e-5&warmup-prefix=true"),
                tutorial("warmup-epochs=5&warmup-lr=1e-5")));
        m.put("cycle_limit-1", List.of(tutorial("lr-cycle-limit=1&end-epoch=100")));
        m.put("cycle_limit-2", List.of(tutorial("lr-cycle-limit=2&end-epoch=100")));
        m.put("t_in_epochs-false", List.of(tutorial("sched-on-updates=true")));
        m.put("defaults-0.4-vs-current", List.of(tutorial("end-epoch=150"),
                "sched=tanh&lr=1e-4&epochs=50&warmup-epochs=0&warmup-lr=0&end-epoch=150"));
        String noise = "min-lr=1e-6&lr-cycle-decay=0.5&end-epoch=120";
        m.put("noise", List.of(tutorial(noise + "&lr-noise=0.2&lr-noise-pct=0.3&seed=42"), tutorial(noise)));
        m.put("lr_min-decay", List.of(tutorial("epochs=20&min-lr=1e-5&lr-cycle-decay=0.5&lr-cycle-limit=3"
                + "&lr-cycle-mul=1.5&end-epoch=90")));
        return m;
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
