package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LrSeriesTest {
    @Test
    void javadocExample() {
        LrSeries s = LrSeries.of("warmup", new double[] {0, 1, 2}, new double[] {1e-5, 5.5e-5, 1e-4});
        assertEquals(3, s.size());
        assertEquals(1.0E-4, s.y()[2]);
        assertEquals(1e-5, s.minY());
        assertEquals(1e-4, s.maxY());
        assertTrue(s.integralX());
    }

    @Test
    void copiesInAndOut() {
        double[] x = {0, 1};
        double[] y = {0.1, 0.2};
        LrSeries s = LrSeries.of("a", x, y);
        x[0] = 5;
        y[0] = 5;
        s.y()[1] = 7;
        assertArrayEquals(new double[] {0, 1}, s.x());
        assertArrayEquals(new double[] {0.1, 0.2}, s.y());
        assertEquals(s, LrSeries.of("a", new double[] {0, 1}, new double[] {0.1, 0.2}));
        assertFalse(LrSeries.of("a", new double[] {0.5}, new double[] {1}).integralX());
    }

    @Test
    void rejectsBadInputNamingTheSeries() {
        assertEquals("series label must not be blank, got ' '",
                assertThrows(IllegalArgumentException.class,
                        () -> LrSeries.of(" ", new double[] {0}, new double[] {0})).getMessage());
        assertEquals("series 'a': x and y must have the same length, got 2 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> LrSeries.of("a", new double[] {0, 1}, new double[] {0})).getMessage());
        assertEquals("series 'a': must hold at least one point, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> LrSeries.of("a", new double[0], new double[0])).getMessage());
        assertEquals("series 'a': points must be finite, got (1.0, NaN) at index 1",
                assertThrows(IllegalArgumentException.class,
                        () -> LrSeries.of("a", new double[] {0, 1}, new double[] {0, Double.NaN})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LrSeries.of("a", null, new double[] {0}));
    }
}
