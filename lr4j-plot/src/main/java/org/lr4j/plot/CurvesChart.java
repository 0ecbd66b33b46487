package org.lr4j.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lr4j.state.AtomicFiles;

/**
 * The curves of training runs, side by side in one image (PNG or SVG), drawn with XChart in
 * {@link LrChart}'s style.
 *
 * <ul>
 *   <li>One run ({@code curves.png} of a run folder): two panels, "loss" (train loss solid, eval loss
 *       dashed) and "eval top-1 (%)", each with the learning rate (grey, dotted) on a second axis at the
 *       right.</li>
 *   <li>Several runs ({@code lr4j compare}): three panels, "eval top-1 (%)", "loss" (eval solid, train
 *       dashed) and "learning rate", one colour per run in every panel.</li>
 * </ul>
 *
 * <pre>{@code
 * CurvesChart chart = CurvesChart.of("tanh, seed 1", List.of(
 *         new CurvesChart.Run("run1", epoch, trainLoss, evalLoss, top1, lr)));
 * chart.panels();   // 2
 * chart.width();    // 1200
 * chart.write(Path.of("curves.png"));
 * }</pre>
 */
public final class CurvesChart {
    /** Height of the image in pixels. */
    public static final int HEIGHT = 520;
    /** Width of one panel in pixels. */
    public static final int PANEL_WIDTH = 600;
    private static final Color LR_COLOUR = new Color(0x777777);
    private static final BasicStroke LR_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2.5f, 4f}, 0f);

    /**
     * One run's values per epoch; the arrays have one entry per epoch, in order.
     *
     * @param label the run's name in legends
     * @param epoch the epochs
     * @param trainLoss the training loss
     * @param evalLoss the evaluation loss
     * @param top1 the evaluation top-1 accuracy in percent
     * @param lr the learning rate (mean over groups)
     */
    public record Run(String label, double[] epoch, double[] trainLoss, double[] evalLoss, double[] top1, double[] lr) {
        /**
         * Copies the arrays.
         *
         * @param label the run's name in the legend
         * @param epoch the epochs
         * @param trainLoss the training loss
         * @param evalLoss the evaluation loss
         * @param top1 the evaluation top-1 accuracy in percent
         * @param lr the learning rate (mean over groups)
         * @throws IllegalArgumentException when the label is null or blank, there is no epoch, or the arrays
         *     differ in length
         */
        public Run {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("label must not be blank, got '" + label + "'");
            }
            int n = epoch.length;
            if (n == 0) {
                throw new IllegalArgumentException("run '" + label + "' must have at least one epoch, got 0");
            }
            if (trainLoss.length != n || evalLoss.length != n || top1.length != n || lr.length != n) {
                throw new IllegalArgumentException("run '" + label + "' must have one value per epoch in every column");
            }
            epoch = epoch.clone();
            trainLoss = trainLoss.clone();
            evalLoss = evalLoss.clone();
            top1 = top1.clone();
            lr = lr.clone();
        }
    }

    private final String title;
    private final List<Run> runs;

    private CurvesChart(String title, List<Run> runs) {
        this.title = title;
        this.runs = runs;
    }

    /**
     * The chart of {@code runs} under {@code title} ("" for none).
     *
     * @param title the title over the panels, "" for none
     * @param runs the runs, each with a unique label
     * @return the chart
     * @throws IllegalArgumentException when there is no run, or two share a label
     * @throws NullPointerException when an argument is null
     */
    public static CurvesChart of(String title, List<Run> runs) {
        if (title == null || runs == null) {
            throw new NullPointerException("title and runs must not be null");
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least one run, got 0");
        }
        Set<String> labels = new HashSet<>();
        for (Run r : runs) {
            if (!labels.add(r.label())) {
                throw new IllegalArgumentException("run labels must be unique, got '" + r.label() + "' twice");
            }
        }
        return new CurvesChart(title, List.copyOf(runs));
    }

    /**
     * The number of panels.
     *
     * @return 2 for one run, 3 for several
     */
    public int panels() {
        return runs.size() == 1 ? 2 : 3;
    }

    /**
     * Width of the image.
     *
     * @return the width in pixels
     */
    public int width() {
        return panels() * PANEL_WIDTH;
    }

    /**
     * The panels as XChart charts, left to right; each call builds new ones.
     *
     * @return the panels
     */
    public List<XYChart> toXCharts() {
        LrChart.ensureHeadless();
        List<XYChart> out = new ArrayList<>();
        if (runs.size() == 1) {
            Run r = runs.get(0);
            XYChart loss = panel(title.isEmpty() ? "loss" : title + ": loss", "loss");
            line(loss, "train loss", r.epoch(), r.trainLoss(), 0, 0);
            line(loss, "eval loss", r.epoch(), r.evalLoss(), 1, 1);
            lrAxis(loss, r);
            XYChart top1 = panel(title.isEmpty() ? "eval top-1" : title + ": eval top-1", "top-1 (%)");
            line(top1, "eval top-1", r.epoch(), r.top1(), 2, 0);
            lrAxis(top1, r);
            out.add(loss);
            out.add(top1);
        } else {
            String prefix = title.isEmpty() ? "" : title + ": ";
            XYChart top1 = panel(prefix + "eval top-1", "top-1 (%)");
            XYChart loss = panel(prefix + "loss (eval solid, train dashed)", "loss");
            XYChart lr = panel(prefix + "learning rate", "learning rate");
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                line(top1, r.label(), r.epoch(), r.top1(), i, 0);
                line(loss, r.label() + " eval", r.epoch(), r.evalLoss(), i, 0);
                line(loss, r.label() + " train", r.epoch(), r.trainLoss(), i, 1);
                line(lr, r.label(), r.epoch(), r.lr(), i, 0);
            }
            scientificIfSmall(lr, runs.stream().mapToDouble(r -> max(r.lr())).max().orElse(0));
            // one legend, the runs' colours being the same in every panel: in the top-1 panel's lower right,
            // which rising accuracy curves leave free (a row per panel overflowed with long run names)
            top1.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            top1.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            loss.getStyler().setLegendVisible(false);
            lr.getStyler().setLegendVisible(false);
            out.add(top1);
            out.add(loss);
            out.add(lr);
        }
        return out;
    }

    /**
     * What the chart shows, in words (the SVG's {@code <desc>}).
     *
     * @return the description
     */
    public String description() {
        StringBuilder sb = new StringBuilder(runs.size() == 1
                ? "panels: loss (train, eval) and eval top-1 (%) per epoch, learning rate on the right axis"
                : "panels: eval top-1 (%), loss (eval, train) and learning rate per epoch");
        sb.append("; runs: ");
        for (int i = 0; i < runs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(runs.get(i).label());
        }
        return sb.toString();
    }

    /**
     * Writes the PNG image to {@code out}.
     *
     * @param out where the PNG's bytes go
     * @throws IOException when writing fails
     */
    public void writePng(OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(toXCharts(), 1, panels(), out, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Writes PNG or SVG by the file's extension, atomically ({@link AtomicFiles}).
     *
     * @param file a {@code .png} or {@code .svg} file
     * @throws IllegalArgumentException when the extension is neither {@code .png} nor {@code .svg}
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        if (LrChart.Format.of(file) == LrChart.Format.PNG) {
            AtomicFiles.write(file, this::writePng);
            return;
        }
        VectorGraphics2D g = new VectorGraphics2D();
        List<XYChart> charts = toXCharts();
        for (int i = 0; i < charts.size(); i++) {
            g.translate(i * PANEL_WIDTH, 0);
            charts.get(i).paint(g, PANEL_WIDTH, HEIGHT);
            g.translate(-i * PANEL_WIDTH, 0);
        }
        Document doc = Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, width(), HEIGHT));
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        doc.writeTo(svg);
        byte[] annotated = SvgText.annotate(svg.toByteArray(), title.isEmpty() ? "training curves" : title, description());
        AtomicFiles.writeBytes(file, annotated);
    }

    private static XYChart panel(String panelTitle, String yLabel) {
        XYChart chart = new XYChart(PANEL_WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(panelTitle);
        chart.setXAxisTitle("epoch");
        chart.setYAxisTitle(yLabel);
        XYStyler s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartTitleBoxVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartTitleFont(LrChart.titleFont(panelTitle, PANEL_WIDTH - 40));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setLegendSeriesLineLength(30);
        s.setChartPadding(10);
        s.setMarkerSize(0);
        s.setAntiAlias(true);
        s.setXAxisDecimalPattern("' '0' '");
        // one pattern for both axes: ticks are round numbers, so small rates (0.0005) keep their digits
        s.setYAxisDecimalPattern("0.######");
        return chart;
    }

    /** A line in colour {@code colour} of the palette, solid ({@code dash 0}) or dashed ({@code 1}). */
    private static void line(XYChart chart, String label, double[] x, double[] y, int colour, int dash) {
        XYSeries s = chart.addSeries(label, x, finite(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(x.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(LrChart.colour(colour));
        s.setMarkerColor(LrChart.colour(colour));
        s.setLineStyle(LrChart.stroke(dash));
    }

    /** The learning rate on the right-hand axis (group 1), grey and dotted. */
    private static void lrAxis(XYChart chart, Run r) {
        XYSeries s = chart.addSeries("learning rate (right axis)", r.epoch(), finite(r.lr()));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(r.epoch().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(LR_COLOUR);
        s.setMarkerColor(LR_COLOUR);
        s.setLineStyle(LR_STROKE);
        s.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "learning rate");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    }

    /** Python-style scientific tick labels (1e-4) when the largest value is below 0.01. */
    private static void scientificIfSmall(XYChart chart, double max) {
        if (max > 0 && max < 1e-2) {
            chart.setCustomYAxisTickLabelsFormatter(LrChart::scientific);
        }
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.max(m, Math.abs(d));
            }
        }
        return m;
    }

    /** Infinities (a diverged loss) become NaN, which XChart leaves out as a gap in the line. */
    private static double[] finite(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
