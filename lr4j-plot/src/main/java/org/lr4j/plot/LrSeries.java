package org.lr4j.plot;

import java.util.Arrays;

/**
 * One labelled curve of an {@link LrChart}: the points {@code (x[i], y[i])}, typically
 * {@code (t, learning rate)}. Immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * LrSeries s = LrSeries.of("warmup", new double[] {0, 1, 2}, new double[] {1e-5, 5.5e-5, 1e-4});
 * s.size();   // 3
 * s.y()[2];   // 1.0E-4
 * }</pre>
 */
public final class LrSeries {
    private final String label;
    private final double[] x;
    private final double[] y;

    private LrSeries(String label, double[] x, double[] y) {
        this.label = label;
        this.x = x;
        this.y = y;
    }

    /**
     * A series with the given label and points.
     *
     * @param label the legend text, not blank
     * @param x the abscissae (epochs or updates), finite
     * @param y the learning rates, finite, as many as {@code x}
     * @return the series, holding copies of the arrays
     * @throws IllegalArgumentException when the label is null or blank, an array is null or empty, the
     *     lengths differ, or a value is NaN or infinite (the message names the series and the index)
     */
    public static LrSeries of(String label, double[] x, double[] y) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("series label must not be blank, got "
                    + (label == null ? "null" : "'" + label + "'"));
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("series '" + label + "': x and y must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + label + "': must hold at least one point, got 0");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': x and y must have the same length, got "
                    + x.length + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + label + "': points must be finite, got ("
                        + x[i] + ", " + y[i] + ") at index " + i);
            }
        }
        return new LrSeries(label, x.clone(), y.clone());
    }

    /** {@return the legend text} */
    public String label() {
        return label;
    }

    /** {@return the abscissae (a copy)} */
    public double[] x() {
        return x.clone();
    }

    /** {@return the learning rates (a copy)} */
    public double[] y() {
        return y.clone();
    }

    /** {@return the number of points} */
    public int size() {
        return x.length;
    }

    /** {@return the smallest learning rate of the series} */
    public double minY() {
        return Arrays.stream(y).min().orElseThrow();
    }

    /** {@return the largest learning rate of the series} */
    public double maxY() {
        return Arrays.stream(y).max().orElseThrow();
    }

    /** {@return whether every abscissa is a whole number (epochs, updates)} */
    boolean integralX() {
        for (double v : x) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LrSeries s && label.equals(s.label) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * label.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "LrSeries{" + label + ", " + x.length + " points}";
    }
}
