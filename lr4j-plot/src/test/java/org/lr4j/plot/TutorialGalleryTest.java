package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TanhLRScheduler;

class TutorialGalleryTest {
    @TempDir
    Path dir;

    private static Map<String, TutorialGallery.Cell> cells() {
        return TutorialGallery.cells().stream().collect(Collectors.toMap(TutorialGallery.Cell::name, Function.identity()));
    }

    private static TanhLRScheduler.Builder tutorial() {
        return TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).profile(Profile.TIMM_0_4);
    }

    private static double[] values(TanhLRScheduler s, int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = s.lrAt(t)[0];
        }
        return y;
    }

    @Test
    void writesAtLeastTenDistinctReadablePngs() throws Exception {
        List<TutorialGallery.Figure> figures = TutorialGallery.write(dir.resolve("tutorial"));
        assertEquals(12, figures.size());
        assertEquals("t_mul-2.png", figures.get(1).file().getFileName().toString());
        Set<Path> files = new HashSet<>();
        for (TutorialGallery.Figure f : figures) {
            assertTrue(files.add(f.file()), "duplicate file " + f.file());
            assertTrue(Files.size(f.file()) > 5_000, f.file() + " is too small to hold a chart");
            BufferedImage image = ImageChecks.readPng(f.file());
            assertEquals(LrChart.DEFAULT_WIDTH, image.getWidth());
            assertEquals(LrChart.DEFAULT_HEIGHT, image.getHeight());
            assertTrue(f.description().startsWith("TanhLRScheduler(lr=1e-4, t_initial="), f.description());
        }
        assertTrue(files.size() >= 10);
        try (var listed = Files.list(dir.resolve("tutorial"))) {
            assertEquals(files, listed.collect(Collectors.toSet()), "nothing else is left in the directory");
        }
    }

    @Test
    void everyTutorialPlotCellHasItsFigure() {
        assertEquals(List.of("t_mul-1", "t_mul-2", "decay_rate-1", "decay_rate-0.5", "warmup", "warmup_prefix",
                        "cycle_limit-1", "cycle_limit-2", "t_in_epochs-false", "defaults-0.4-vs-current", "noise",
                        "lr_min-decay"),
                TutorialGallery.cells().stream().map(TutorialGallery.Cell::name).toList());
    }

    @Test
    void seriesAreTheTutorialSchedulesValues() {
        Map<String, TutorialGallery.Cell> cells = cells();
        assertArrayEquals(values(tutorial().tMul(1.).build(), 150),
                cells.get("t_mul-1").chart().series().get(0).y());
        double[] tMul2 = cells.get("t_mul-2").chart().series().get(0).y();
        assertArrayEquals(values(tutorial().tMul(2.).build(), 150), tMul2);
        assertEquals(tMul2[0], tMul2[50], "t_mul=2 restarts at epoch 50 in the 0.4 profile");
        double[] half = cells.get("decay_rate-0.5").chart().series().get(0).y();
        assertArrayEquals(values(tutorial().decayRate(0.5).build(), 100), half);
        assertEquals(half[0] / 2, half[50], 1e-20);
        List<LrSeries> warmup = cells.get("warmup").chart().series();
        assertArrayEquals(values(tutorial().warmupT(5).warmupLrInit(1e-5).build(), 50), warmup.get(0).y());
        assertArrayEquals(values(tutorial().build(), 50), warmup.get(1).y());
        assertArrayEquals(values(tutorial().warmupT(5).warmupLrInit(1e-5).warmupPrefix(true).build(), 50),
                cells.get("warmup_prefix").chart().series().get(0).y());
        double[] limit1 = cells.get("cycle_limit-1").chart().series().get(0).y();
        assertArrayEquals(values(tutorial().cycleLimit(1).build(), 100), limit1);
        assertEquals(0.0, limit1[50], "cycle_limit=1: lr_min after the first cycle");
        assertArrayEquals(values(tutorial().cycleLimit(2).build(), 100),
                cells.get("cycle_limit-2").chart().series().get(0).y());
        assertArrayEquals(values(TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).build(), 150),
                cells.get("defaults-0.4-vs-current").chart().series().get(1).y());
    }

    @Test
    void updateModeCellSaysSo() {
        LrChart chart = cells().get("t_in_epochs-false").chart();
        assertEquals("update", chart.xLabel());
        assertTrue(chart.title().contains("t_in_epochs=False"));
        assertArrayEquals(values(tutorial().tInEpochs(false).build(), 50), chart.series().get(0).y());
    }

    @Test
    void noiseCellShowsWhatTheGroupReceives() {
        List<LrSeries> noise = cells().get("noise").chart().series();
        ParamGroupList groups = ParamGroupList.of(1e-4);
        TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).profile(Profile.TIMM_0_4).noiseRangeT(10)
                .noisePct(0.3).lrMin(1e-6).decayRate(0.5).build();
        double[] received = noise.get(0).y();
        for (int t = 0; t < 120; t++) {
            s.step(t);
            assertEquals(groups.lr(0), received[t], "t=" + t);
        }
        assertArrayEquals(values(s, 120), noise.get(1).y());
    }

    @Test
    void lrMinDecayCellIsOnALogScale() {
        LrChart chart = cells().get("lr_min-decay").chart();
        assertTrue(chart.logY());
        double[] y = chart.series().get(0).y();
        assertArrayEquals(values(TanhLRScheduler.builder(ParamGroupList.of(1e-4), 20).profile(Profile.TIMM_0_4)
                .lrMin(1e-5).decayRate(0.5).cycleLimit(3).tMul(1.5).build(), 90), y);
    }
}
