package org.lr4j.plot;

import java.awt.BasicStroke;
import org.lr4j.schedule.InvalidValueException;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lr4j.state.AtomicFiles;

/**
 * A learning-rate chart: one or several labelled schedules on one set of axes, drawn with XChart and
 * written as PNG or SVG, off-screen ({@code java.awt.headless=true} is set unless the property is already
 * set).
 *
 * <p>Style: white plot with a light grid, thick lines without markers, a colour-blind-safe palette
 * (Okabe–Ito) and a distinct dash pattern for each series so that overlapping curves stay visible, the
 * legend under the plot. The learning-rate axis can be logarithmic ({@link Builder#logY(boolean)}).
 *
 * <pre>{@code
 * LrChart chart = LrChart.builder()
 *         .title("TanhLRScheduler, t_initial=50")
 *         .xLabel("epoch")
 *         .series("t_mul=1", x, y)
 *         .build();
 * chart.width();        // 900
 * chart.height();       // 560
 * chart.yLabel();       // "learning rate"
 * chart.writePng(Path.of("tanh.png"));
 * chart.writeSvg(Path.of("tanh.svg"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; every write renders a fresh XChart chart.
 */
public final class LrChart {
    /** Default size in pixels. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default size in pixels. */
    public static final int DEFAULT_HEIGHT = 560;
    /** Width of the series' lines in pixels. */
    public static final float LINE_WIDTH = 2.5f;

    private static final Color[] PALETTE = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermilion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };
    private static final float[][] DASHES = {
        null,
        {10f, 6f},
        {2.5f, 4f},
        {12f, 4f, 2.5f, 4f},
    };

    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final int LEGEND_LINE = 36;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final boolean logY;
    private final List<LrSeries> series;

    private LrChart(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.logY = b.logY;
        this.series = List.copyOf(b.series);
    }

    /**
     * A builder; at least one series is required.
     *
     * @return a new builder with the defaults: no title, axes {@code epoch} and {@code learning rate},
     *     900 x 560 pixels, linear scale, no series
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the chart's title ("" for none)} */
    public String title() {
        return title;
    }

    /** {@return the name of the horizontal axis ({@code epoch} by default)} */
    public String xLabel() {
        return xLabel;
    }

    /** {@return the name of the vertical axis ({@code learning rate} by default)} */
    public String yLabel() {
        return yLabel;
    }

    /** {@return the width in pixels} */
    public int width() {
        return width;
    }

    /** {@return the height in pixels} */
    public int height() {
        return height;
    }

    /** {@return whether the learning-rate axis is logarithmic} */
    public boolean logY() {
        return logY;
    }

    /** {@return the series, in drawing (and legend) order; unmodifiable} */
    public List<LrSeries> series() {
        return series;
    }

    /**
     * The colour of series {@code index}: the Okabe–Ito palette, which repeats after eight series.
     *
     * @param index the series' position, any int (taken modulo 8, so {@code -1} is the eighth colour)
     * @return the colour; {@code colour(0)} is blue {@code #0072B2}
     */
    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * A new XChart chart holding this chart's series and style: what {@link #writePng(Path)} and
     * {@link #writeSvg(Path)} render. Each call builds a new one.
     *
     * @return a new XChart chart, for callers that want XChart's other encoders or a Swing panel
     */
    public XYChart toXChart() {
        ensureHeadless();
        XYChart chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        XYStyler s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartTitleVisible(!title.isEmpty());
        s.setChartTitleBoxVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(titleFont(title, width - 40));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(LEGEND_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(legendFitsOnOneLine() ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setLegendSeriesLineLength(LEGEND_LINE);
        s.setLegendVisible(true);
        s.setChartPadding(12);
        s.setMarkerSize(0);
        s.setAntiAlias(true);
        s.setYAxisLogarithmic(logY);
        if (logY) {
            // a custom formatter would switch XChart to a linear tick calculator: use a pattern here
            s.setYAxisDecimalPattern("0.#E0");
            s.setYAxisLogarithmicDecadeOnly(!labelEveryLogTick());
        } else if (useScientific()) {
            chart.setCustomYAxisTickLabelsFormatter(LrChart::scientific);
        } else {
            s.setYAxisDecimalPattern("0.####");
        }
        // XChart puts ticks on every k-th point of equally spaced data, with the smallest k whose labels
        // fit edge to edge; a space each side of the label keeps a gap between neighbours
        s.setXAxisDecimalPattern(series.stream().allMatch(LrSeries::integralX) ? "' '0' '" : "' '0.###' '");
        for (int i = 0; i < series.size(); i++) {
            LrSeries ls = series.get(i);
            XYSeries xs = chart.addSeries(ls.label(), ls.x(), ls.y());
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xs.setMarker(SeriesMarkers.NONE);
            xs.setLineColor(colour(i));
            xs.setLineStyle(stroke(i));
        }
        return chart;
    }

    /**
     * The title's font: bold 17 pt, smaller (down to 10 pt) when the title would not fit in
     * {@code room} pixels; XChart draws a title on one line.
     */
    static Font titleFont(String title, int room) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 17);
        for (int size = 17; size > 10 && font.getStringBounds(title, frc).getWidth() > room; size--) {
            font = new Font(Font.SANS_SERIF, Font.BOLD, size - 1);
        }
        return font;
    }

    /**
     * On a log axis, whether to label 2..9 of each decade too, not only the powers of ten: when a decade
     * has at least 250 pixels, so that 9 and 10 (a 0.046-decade gap) stay about 12 pixels apart.
     */
    boolean labelEveryLogTick() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (LrSeries ls : series) {
            min = Math.min(min, ls.minY());
            max = Math.max(max, ls.maxY());
        }
        double decades = Math.max(Math.log10(max / min), 0.1);
        return (height - 120) / decades >= 250;
    }

    /** {@return whether the legend's entries fit side by side under the plot (else they are stacked)} */
    boolean legendFitsOnOneLine() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double total = 0;
        for (LrSeries ls : series) {
            total += LEGEND_FONT.getStringBounds(ls.label(), frc).getWidth() + LEGEND_LINE + 30;
        }
        return total <= width - 40;
    }

    static BasicStroke stroke(int index) {
        float[] dash = DASHES[Math.floorMod(index, DASHES.length)];
        return dash == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** {@return scientific notation for small rates: 1e-4 reads better than 0.0001} */
    private boolean useScientific() {
        double max = 0;
        for (LrSeries ls : series) {
            max = Math.max(max, Math.max(Math.abs(ls.maxY()), Math.abs(ls.minY())));
        }
        return max > 0 && max < 1e-2;
    }

    /**
     * A tick label in Python's short scientific style: {@code 0}, {@code 1e-4}, {@code 2.5e-5}.
     * Three significant digits at most; trailing zeros dropped.
     */
    static String scientific(Double value) {
        double v = value;
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2e", v); // e.g. 2.50e-05
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /**
     * Writes the chart as a PNG image of {@link #width()} x {@link #height()} pixels, through a temporary
     * file in the same directory ({@link AtomicFiles}; missing directories are created).
     *
     * @param file where to write; replaced if it exists
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        XYChart chart = toXChart();
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /**
     * Writes the chart as an SVG document, through a temporary file in the same directory
     * ({@link AtomicFiles}; missing directories are created). XChart draws
     * glyphs as outlines (the drawing needs no font); the document's {@code <title>} holds the chart's
     * title and its {@code <desc>} the axis names and series labels ({@link #description()}), as text.
     *
     * @param file where to write; replaced if it exists
     * @throws IOException when the file cannot be written
     */
    public void writeSvg(Path file) throws IOException {
        XYChart chart = toXChart();
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        byte[] annotated = SvgText.annotate(svg.toByteArray(), title.isEmpty() ? "learning rate schedule" : title,
                description());
        AtomicFiles.writeBytes(file, annotated);
    }

    /**
     * What the chart shows, in words: {@code x: epoch; y: learning rate; series: A, B} (with
     * {@code , log scale} after the y axis's name when it is logarithmic).
     *
     * @return the description, as the SVG's {@code <desc>} holds it
     */
    public String description() {
        StringBuilder sb = new StringBuilder("x: ").append(xLabel).append("; y: ").append(yLabel);
        if (logY) {
            sb.append(", log scale");
        }
        sb.append("; series: ");
        for (int i = 0; i < series.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(series.get(i).label());
        }
        return sb.toString();
    }

    /**
     * Writes PNG or SVG by the file's extension ({@code .png} or {@code .svg}, any case).
     *
     * @param file where to write; replaced if it exists
     * @throws IllegalArgumentException when the extension is neither ({@code output file must end in .png or
     *     .svg, got 'chart.pdf'})
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        switch (Format.of(file)) {
            case PNG -> writePng(file);
            case SVG -> writeSvg(file);
            default -> throw new IllegalStateException("unreachable");
        }
    }

    /** The image formats lr4j writes. */
    public enum Format {
        /** Portable Network Graphics. */
        PNG,
        /** Scalable Vector Graphics. */
        SVG;

        /**
         * The format named by {@code file}'s extension.
         *
         * @param file a file name or path; its last element's extension counts, in any case
         * @return {@link #PNG} for {@code .png}, {@link #SVG} for {@code .svg}
         * @throws IllegalArgumentException when the extension is not {@code .png} or {@code .svg}, or
         *     {@code file} is null or has no name (the message quotes the name, {@code ''} for none)
         */
        public static Format of(Path file) {
            String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".png")) {
                return PNG;
            }
            if (lower.endsWith(".svg")) {
                return SVG;
            }
            throw new IllegalArgumentException("output file must end in .png or .svg, got '" + name + "'");
        }
    }

    /** Renders off-screen: sets {@code java.awt.headless=true} unless the property is already set. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Options of {@link LrChart}. Setters record; {@link #build()} validates. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "epoch";
        private String yLabel = "learning rate";
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private boolean logY;
        private final List<LrSeries> series = new ArrayList<>();

        private Builder() {
        }

        /**
         * The title above the plot (default none).
         *
         * @param value the title; "" for none; null is refused by {@link #build()}
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * The name of the horizontal axis (default {@code epoch}; {@code update} in update mode).
         *
         * @param value the name; null is refused by {@link #build()}
         * @return this builder
         */
        public Builder xLabel(String value) {
            this.xLabel = value;
            return this;
        }

        /**
         * The name of the vertical axis (default {@code learning rate}).
         *
         * @param value the name; null is refused by {@link #build()}
         * @return this builder
         */
        public Builder yLabel(String value) {
            this.yLabel = value;
            return this;
        }

        /**
         * Size in pixels (default 900 x 560).
         *
         * @param widthPx the width, 200..8000 (checked by {@link #build()})
         * @param heightPx the height, 200..8000 (checked by {@link #build()})
         * @return this builder
         */
        public Builder size(int widthPx, int heightPx) {
            this.width = widthPx;
            this.height = heightPx;
            return this;
        }

        /**
         * Whether the learning-rate axis is logarithmic (default false).
         *
         * @param value true for a logarithmic axis, which needs every rate {@code > 0} ({@link #build()}
         *     checks)
         * @return this builder
         */
        public Builder logY(boolean value) {
            this.logY = value;
            return this;
        }

        /**
         * Adds a series; see {@link LrSeries#of(String, double[], double[])}.
         *
         * @param label the legend's label
         * @param x the horizontal coordinates
         * @param y the learning rates, one per {@code x}
         * @return this builder
         * @throws IllegalArgumentException as {@link LrSeries#of(String, double[], double[])}
         */
        public Builder series(String label, double[] x, double[] y) {
            return series(LrSeries.of(label, x, y));
        }

        /**
         * Adds a series.
         *
         * @param value the series, drawn after those added before it
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is null
         */
        public Builder series(LrSeries value) {
            if (value == null) {
                throw new IllegalArgumentException("series must not be null");
            }
            series.add(value);
            return this;
        }

        /**
         * Validates and builds the chart.
         *
         * @return the chart
         * @throws IllegalArgumentException when there is no series, two series share a label, a label or
         *     title is null, the size is out of 200..8000, or {@code logY} is set and a rate is {@code <= 0}
         */
        public LrChart build() {
            if (title == null || xLabel == null || yLabel == null) {
                throw new IllegalArgumentException("title, x label and y label must not be null");
            }
            if (width < 200 || width > 8000) {
                throw new InvalidValueException("width", "must be in 200..8000", String.valueOf(width));
            }
            if (height < 200 || height > 8000) {
                throw new InvalidValueException("height", "must be in 200..8000", String.valueOf(height));
            }
            if (series.isEmpty()) {
                throw new IllegalArgumentException("series must hold at least one series, got 0");
            }
            Set<String> labels = new HashSet<>();
            for (LrSeries s : series) {
                if (!labels.add(s.label())) {
                    throw new IllegalArgumentException("series labels must be unique, got '" + s.label() + "' twice");
                }
                if (logY && s.minY() <= 0) {
                    throw new IllegalArgumentException("log_y needs learning rates > 0, series '" + s.label()
                            + "' has " + s.minY());
                }
            }
            return new LrChart(this);
        }
    }
}
