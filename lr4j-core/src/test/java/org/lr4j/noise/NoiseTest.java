package org.lr4j.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseTest {
    @Test
    void javadocExample() {
        Noise n = Noise.of(NoiseRange.from(0), NoiseType.NORMAL, 0.67, 1.0, 42);
        assertEquals(0.33669036626815796, n.sample(0));
    }

    @Test
    void normalRejectsSamplesOutsideThePercent() {
        // seed 7: randn gives -0.1468, 0.7861, 0.9468, -1.1143; with pct 0.1 none of the first four passes
        Noise n = Noise.of(NoiseRange.from(0), NoiseType.NORMAL, 0.1, 1.0, 7);
        double v = n.sample(0);
        assertTrue(Math.abs(v) < 0.1);
        TorchGenerator g = new TorchGenerator(7);
        double expected;
        do {
            expected = g.randn();
        } while (Math.abs(expected) >= 0.1);
        assertEquals(expected, v);
    }

    @Test
    void uniformFormula() {
        Noise n = Noise.of(NoiseRange.from(0), NoiseType.UNIFORM, 0.3, 1.0, 9);
        double r = new TorchGenerator(9 + 5).rand();
        assertEquals(2 * (r - 0.5) * 0.3, n.sample(5));
    }

    @Test
    void rangeRules() {
        NoiseRange pair = NoiseRange.between(10, 40);
        assertFalse(pair.contains(9));
        assertTrue(pair.contains(10));
        assertTrue(pair.contains(39));
        assertFalse(pair.contains(40));
        NoiseRange from = NoiseRange.from(12.5);
        assertFalse(from.contains(12));
        assertTrue(from.contains(13));
        assertFalse(NoiseRange.none().contains(0));
    }

    @Test
    void validation() {
        assertEquals("noise_pct must be in [0.0, 1.0] for uniform noise, got -0.1", assertThrows(IllegalArgumentException.class,
                () -> Noise.of(NoiseRange.from(0), NoiseType.UNIFORM, -0.1, 1, 0)).getMessage());
        assertEquals("noise_range_t must be a finite number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> NoiseRange.from(Double.NaN)).getMessage());
        assertEquals("noise_type must be normal or uniform, got gauss", assertThrows(IllegalArgumentException.class,
                () -> NoiseType.fromTimmName("gauss")).getMessage());
    }
}
