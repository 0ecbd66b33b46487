package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BuiltinShapesTest {
    @Test
    void theDefaultDatasetIsBalancedAndAsDocumented() {
        ImageDataset d = BuiltinShapes.create(500, 100, 32);
        assertEquals(2000, d.train().size());
        assertEquals(400, d.val().size());
        assertEquals(2, d.val().label(6));
        assertEquals(BuiltinShapes.CLASSES, d.classes());
        int[] counts = new int[4];
        for (int i = 0; i < d.train().size(); i++) {
            counts[d.train().label(i)]++;
        }
        assertArrayEquals(new int[] {500, 500, 500, 500}, counts);
    }

    @Test
    void imagesAreDeterministicAndDiffer() {
        ImageDataset a = BuiltinShapes.create(2, 1, 16);
        ImageDataset b = BuiltinShapes.create(2, 1, 16);
        float[] x = new float[3 * 256 * 2];
        float[] y = new float[3 * 256 * 2];
        a.train().read(5, x, 0);
        b.train().read(5, y, 0);
        assertArrayEquals(x, y);
        a.train().read(4, x, 3 * 256);
        assertFalse(Arrays.equals(Arrays.copyOfRange(x, 0, 768), Arrays.copyOfRange(x, 768, 1536)));
        float[] v = new float[768];
        a.val().read(0, v, 0);
        assertFalse(Arrays.equals(v, Arrays.copyOfRange(x, 768, 1536)), "validation images differ from training ones");
        for (float f : x) {
            // (0 - 0.485) / 0.229 .. (1 - 0.406) / 0.225
            assertEquals(0.0, Math.max(0, Math.max(-2.2f - f, f - 2.7f)), "normalized value " + f);
        }
    }

    @Test
    void badSizesAreRefused() {
        assertEquals("train images per class must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> BuiltinShapes.create(0, 1, 32)).getMessage());
        assertEquals("img_size must be >= 8 for the built-in data, got 4",
                assertThrows(IllegalArgumentException.class, () -> BuiltinShapes.create(1, 1, 4)).getMessage());
    }
}
