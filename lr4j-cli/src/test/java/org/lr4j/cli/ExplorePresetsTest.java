package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lr4j.plot.LrSeries;
import org.lr4j.plot.TutorialGallery;

/** The explorer's tutorial presets give the tutorial gallery's values, series by series. */
class ExplorePresetsTest {
    @Test
    void everyCellIsAPresetWithTheGallerysValues() {
        List<TutorialGallery.Cell> cells = TutorialGallery.cells();
        assertEquals(cells.stream().map(TutorialGallery.Cell::name).toList(), List.copyOf(ExplorePresets.FLAGS.keySet()),
                "one preset per gallery cell, in the tutorial's order");
        int compared = 0;
        for (TutorialGallery.Cell cell : cells) {
            List<String> flags = ExplorePresets.FLAGS.get(cell.name());
            assertNotNull(flags, cell.name() + " has no preset");
            List<LrSeries> series = cell.chart().series();
            assertEquals(series.size(), flags.size(), cell.name());
            for (int s = 0; s < series.size(); s++) {
                Map<String, Object> table = ExploreApi.table(ExploreApi.toArgs(flags.get(s)));
                double[] lr = (double[]) table.get("lr");
                long[] x = (long[]) table.get(cell.chart().xLabel().equals("update") ? "update" : "epoch");
                LrSeries expected = series.get(s);
                assertEquals(expected.size(), lr.length, cell.name() + " series " + s);
                for (int i = 0; i < lr.length; i++) {
                    assertEquals(expected.x()[i], x[i], cell.name() + " x " + i);
                    // the table shows what the optimizer holds: before the first step, without warmup, that is
                    // the lr it was built with (train.py's epoch 0), where the gallery draws the pure value at t = 0
                    double want = i == 0 && !flags.get(s).contains("warmup-epochs=5") ? TutorialGallery.LR : expected.y()[i];
                    assertEquals(want, lr[i], cell.name() + " series " + s + " at " + i);
                }
                compared++;
            }
        }
        assertEquals(cells.stream().mapToInt(c -> c.chart().series().size()).sum(), compared,
                "every series of every cell compared");
    }

    @Test
    void presetsCarryTheGallerysWordsAndLabels() {
        List<Map<String, Object>> presets = ExplorePresets.presets();
        List<TutorialGallery.Cell> cells = TutorialGallery.cells();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> p = presets.get(i);
            assertEquals(cells.get(i).description(), p.get("description"));
            assertEquals(cells.get(i).chart().title(), p.get("title"));
            assertNull(p.get("unavailable"), cells.get(i).name());
            List<?> configs = (List<?>) p.get("configs");
            assertEquals(cells.get(i).chart().series().size(), configs.size(), cells.get(i).name());
            for (int s = 0; s < configs.size(); s++) {
                assertEquals(cells.get(i).chart().series().get(s).label(), ((Map<?, ?>) configs.get(s)).get("label"));
            }
        }
    }
}
