package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

class CurvesChartTest {
    @TempDir
    Path dir;

    private static CurvesChart.Run run(String label, double shift) {
        return new CurvesChart.Run(label, new double[] {0, 1, 2}, new double[] {2.3, 1.1 + shift, 0.7},
                new double[] {2.0, 1.0, 0.8 + shift}, new double[] {30, 70, 80 + shift}, new double[] {0.05, 0.03, 0.001});
    }

    @Test
    void javadocExampleOneRunHasTwoPanelsWithTheRateOnASecondAxis() throws Exception {
        CurvesChart chart = CurvesChart.of("tanh, seed 1", List.of(run("run1", 0)));
        assertEquals(2, chart.panels());
        assertEquals(1200, chart.width());
        List<XYChart> panels = chart.toXCharts();
        assertEquals(List.of("train loss", "eval loss", "learning rate (right axis)"),
                List.copyOf(panels.get(0).getSeriesMap().keySet()));
        assertEquals(1, panels.get(0).getSeriesMap().get("learning rate (right axis)").getYAxisGroup());
        assertEquals(List.of("eval top-1", "learning rate (right axis)"), List.copyOf(panels.get(1).getSeriesMap().keySet()));
        Path png = dir.resolve("curves.png");
        chart.write(png);
        BufferedImage image = ImageChecks.readPng(png);
        assertEquals(1200, image.getWidth());
        assertEquals(CurvesChart.HEIGHT, image.getHeight());
    }

    @Test
    void severalRunsShareColoursAcrossThreePanelsInSvg() throws Exception {
        CurvesChart chart = CurvesChart.of("", List.of(run("a", 0), run("b", 0.2)));
        assertEquals(3, chart.panels());
        List<XYChart> panels = chart.toXCharts();
        assertEquals(List.of("a", "b"), List.copyOf(panels.get(0).getSeriesMap().keySet()));
        assertEquals(List.of("a eval", "a train", "b eval", "b train"), List.copyOf(panels.get(1).getSeriesMap().keySet()));
        assertEquals(panels.get(0).getSeriesMap().get("b").getLineColor(), panels.get(2).getSeriesMap().get("b").getLineColor());
        Path svg = dir.resolve("compare.svg");
        chart.write(svg);
        Document d = ImageChecks.readSvg(svg);
        assertEquals("training curves", ImageChecks.svgChild(d, "title"));
        assertEquals("panels: eval top-1 (%), loss (eval, train) and learning rate per epoch; runs: a, b",
                ImageChecks.svgChild(d, "desc"));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CurvesChart.of("", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CurvesChart.of("", List.of(run("a", 0), run("a", 1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CurvesChart.Run("x",
                new double[] {0, 1}, new double[] {1}, new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("one value per epoch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CurvesChart.of("", List.of(run("a", 0))).write(dir.resolve("x.gif")));
    }
}
