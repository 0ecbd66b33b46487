package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class LrChartTest {
    @TempDir
    Path dir;

    private static final double[] X = {0, 1, 2, 3, 4};
    private static final double[] WARM = {1e-5, 3.25e-5, 5.5e-5, 7.75e-5, 1e-4};
    private static final double[] FLAT = {1e-4, 1e-4, 1e-4, 1e-4, 1e-4};

    private static LrChart twoSeries() {
        return LrChart.builder()
                .title("With and without warmup")
                .xLabel("epoch")
                .series("With warmup", X, WARM)
                .series("Without warmup", X, FLAT)
                .build();
    }

    @Test
    void javadocExampleDefaults() {
        LrChart chart = LrChart.builder().title("TanhLRScheduler, t_initial=50").xLabel("epoch")
                .series("t_mul=1", X, WARM).build();
        assertEquals(900, chart.width());
        assertEquals(560, chart.height());
        assertEquals("learning rate", chart.yLabel());
        assertFalse(chart.logY());
    }

    @Test
    void xchartHoldsExactlyTheSeriesHandedIn() {
        LrChart chart = twoSeries();
        XYChart x = chart.toXChart();
        assertEquals("With and without warmup", x.getTitle());
        assertEquals("epoch", x.getXAxisTitle());
        assertEquals("learning rate", x.getYAxisTitle());
        assertEquals(List.of("With warmup", "Without warmup"), List.copyOf(x.getSeriesMap().keySet()));
        XYSeries warm = x.getSeriesMap().get("With warmup");
        assertArrayEquals(X, warm.getXData());
        assertArrayEquals(WARM, warm.getYData());
        assertArrayEquals(FLAT, x.getSeriesMap().get("Without warmup").getYData());
        assertTrue(x.getStyler().isLegendVisible());
    }

    @Test
    void seriesAreDistinctInColourAndDash() {
        XYChart x = twoSeries().toXChart();
        XYSeries a = x.getSeriesMap().get("With warmup");
        XYSeries b = x.getSeriesMap().get("Without warmup");
        assertNotEquals(a.getLineColor(), b.getLineColor());
        assertNotEquals(a.getLineStyle(), b.getLineStyle());
        assertEquals(LrChart.LINE_WIDTH, a.getLineStyle().getLineWidth());
        for (int i = 0; i < 8; i++) {
            for (int j = i + 1; j < 8; j++) {
                assertNotEquals(LrChart.colour(i), LrChart.colour(j), i + " vs " + j);
            }
        }
    }

    @Test
    void pngIsARealImageOfTheChartsSizeRenderedHeadless() throws IOException {
        Path file = dir.resolve("chart.png");
        twoSeries().writePng(file);
        assertTrue(GraphicsEnvironment.isHeadless(), "rendering must not need a display");
        assertEquals("true", System.getProperty("java.awt.headless"));
        BufferedImage image = ImageChecks.readPng(file);
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
        // the curves are drawn: the two series' colours occur in the image
        assertTrue(containsColour(image, LrChart.colour(0).getRGB()), "first series' colour");
        assertTrue(containsColour(image, LrChart.colour(1).getRGB()), "second series' colour");
    }

    private static boolean containsColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void customSizeIsKept() throws IOException {
        Path file = dir.resolve("small.png");
        LrChart.builder().size(400, 300).series("a", X, WARM).build().writePng(file);
        BufferedImage image = ImageChecks.readPng(file);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void svgIsXmlWithTheDrawingAndTitleAxisNamesAndLabelsAsText() throws Exception {
        Path file = dir.resolve("chart.svg");
        twoSeries().writeSvg(file);
        Document d = ImageChecks.readSvg(file);
        assertEquals("900px", d.getDocumentElement().getAttribute("width"));
        assertEquals("560px", d.getDocumentElement().getAttribute("height"));
        assertEquals("With and without warmup", ImageChecks.svgChild(d, "title"));
        assertEquals("x: epoch; y: learning rate; series: With warmup, Without warmup", ImageChecks.svgChild(d, "desc"));
        // XChart draws each text as a path: at least the title, two axis names, two legend labels, and ticks
        assertTrue(ImageChecks.count(d, "path") >= 10, "paths: " + ImageChecks.count(d, "path"));
        String raw = Files.readString(file);
        assertTrue(raw.contains("rgb(0,114,178)"), "first series' colour (#0072B2)");
        assertTrue(raw.contains("rgb(213,94,0)"), "second series' colour (#D55E00)");
    }

    @Test
    void descriptionNamesAxesScaleAndSeries() {
        assertEquals("x: update; y: learning rate, log scale; series: a",
                LrChart.builder().xLabel("update").logY(true).series("a", X, WARM).build().description());
    }

    @Test
    void writeChoosesTheFormatByExtension() throws Exception {
        LrChart chart = twoSeries();
        Path png = dir.resolve("a.PNG");
        Path svg = dir.resolve("a.svg");
        chart.write(png);
        chart.write(svg);
        ImageChecks.readPng(png);
        ImageChecks.readSvg(svg);
        assertEquals("output file must end in .png or .svg, got 'a.jpg'",
                assertThrows(IllegalArgumentException.class, () -> chart.write(dir.resolve("a.jpg"))).getMessage());
        assertFalse(Files.exists(dir.resolve("a.jpg")));
    }

    @Test
    void logScaleIsSetAndNeedsPositiveRates() {
        LrChart chart = LrChart.builder().logY(true).series("a", X, WARM).build();
        assertTrue(chart.toXChart().getStyler().isYAxisLogarithmic());
        assertEquals("log_y needs learning rates > 0, series 'zero' has 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> LrChart.builder().logY(true).series("zero", X, new double[] {1, 1, 0, 1, 1}).build())
                        .getMessage());
    }

    @Test
    void logAxisLabelsOnlyDecadesWhenTheyWouldCrowd() {
        LrChart narrow = LrChart.builder().logY(true).series("a", X, new double[] {1e-4, 5e-5, 2e-5, 1e-5, 3e-6}).build();
        assertTrue(narrow.labelEveryLogTick(), "1.5 decades in 440 px: every tick labelled");
        assertFalse(narrow.toXChart().getStyler().isYAxisLogarithmicDecadeOnly());
        LrChart wide = LrChart.builder().logY(true).series("a", X, new double[] {5e-2, 1e-2, 1e-3, 1e-4, 1e-5}).build();
        assertFalse(wide.labelEveryLogTick(), "3.7 decades: powers of ten only");
        assertTrue(wide.toXChart().getStyler().isYAxisLogarithmicDecadeOnly());
    }

    @Test
    void logScaleRenders() throws IOException {
        Path file = dir.resolve("log.png");
        LrChart.builder().logY(true).series("a", X, WARM).build().writePng(file);
        assertEquals(900, ImageChecks.readPng(file).getWidth());
    }

    @Test
    void buildRejectsBadCharts() {
        assertEquals("series must hold at least one series, got 0",
                assertThrows(IllegalArgumentException.class, () -> LrChart.builder().build()).getMessage());
        assertEquals("series labels must be unique, got 'a' twice",
                assertThrows(IllegalArgumentException.class,
                        () -> LrChart.builder().series("a", X, WARM).series("a", X, FLAT).build()).getMessage());
        assertEquals("width must be in 200..8000, got 10",
                assertThrows(IllegalArgumentException.class,
                        () -> LrChart.builder().size(10, 300).series("a", X, WARM).build()).getMessage());
        assertEquals("height must be in 200..8000, got 9000",
                assertThrows(IllegalArgumentException.class,
                        () -> LrChart.builder().size(300, 9000).series("a", X, WARM).build()).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LrChart.builder().title(null).series("a", X, WARM).build());
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesTheTarget() throws IOException {
        Path file = dir.resolve("chart.png");
        Files.writeString(file, "old");
        twoSeries().writePng(file);
        ImageChecks.readPng(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingCreatesAMissingDirectory() throws IOException {
        Path file = dir.resolve("missing/chart.png");
        twoSeries().writePng(file);
        ImageChecks.readPng(file);
    }

    @Test
    void longTitlesGetASmallerFontThatFits() {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        assertEquals(17, LrChart.titleFont("short", 860).getSize());
        String longTitle = "Learning rate: --sched=tanh --timm=0.4 --epochs=50 --lr=1e-4 --lr-cycle-limit=0 --warmup-lr=1e-5";
        java.awt.Font f = LrChart.titleFont(longTitle, 860);
        assertTrue(f.getSize() < 17);
        assertTrue(f.getStringBounds(longTitle, frc).getWidth() <= 860, "fits: " + f);
    }

    @Test
    void aLongLegendIsStacked() throws IOException {
        assertTrue(twoSeries().legendFitsOnOneLine());
        LrChart.Builder b = LrChart.builder();
        for (int i = 0; i < 6; i++) {
            b.series("a rather long label for series number " + i, X, WARM);
        }
        LrChart many = b.build();
        assertFalse(many.legendFitsOnOneLine());
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Vertical, many.toXChart().getStyler().getLegendLayout());
        Path file = dir.resolve("many.png");
        many.writePng(file);
        ImageChecks.readPng(file);
    }

    @Test
    void tickLabelsReadLikePython() {
        assertEquals("0", LrChart.scientific(0.0));
        assertEquals("1e-4", LrChart.scientific(1e-4));
        assertEquals("2.5e-5", LrChart.scientific(2.5e-5));
        assertEquals("1.25e-6", LrChart.scientific(1.25e-6));
        assertEquals("-3e-5", LrChart.scientific(-3e-5));
    }

    @Test
    void formatFollowsTheExtension() {
        assertEquals(LrChart.Format.PNG, LrChart.Format.of(Path.of("x/y.png")));
        assertEquals(LrChart.Format.SVG, LrChart.Format.of(Path.of("y.SVG")));
        assertThrows(IllegalArgumentException.class, () -> LrChart.Format.of(Path.of("y.pdf")));
    }
}
