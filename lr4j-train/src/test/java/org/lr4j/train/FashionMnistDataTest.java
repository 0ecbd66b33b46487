package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small Fashion-MNIST-shaped files written here. */
class FashionMnistDataTest {
    @TempDir
    Path dir;

    /** Image {@code i} of a split: pixel {@code p} is {@code (i * 31 + p) % 256}; label {@code i % 10}. */
    private void write(String kind, int count) throws IOException {
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) ((i * 31 + p) % 256);
            }
            labels[i] = (byte) (i % 10);
        }
        writeIdx(dir.resolve(kind + "-images-idx3-ubyte.gz"), 0x803, new int[] {count, 28, 28}, pixels);
        writeIdx(dir.resolve(kind + "-labels-idx1-ubyte.gz"), 0x801, new int[] {count}, labels);
    }

    private static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    private static float norm(int v) {
        return (v / 255f - 0.2860f) / 0.3530f;
    }

    @Test
    void readsBothSplitsAsOneNormalisedChannel() throws IOException {
        write("train", 12);
        write("t10k", 5);
        ImageDataset d = FashionMnistData.open(dir, null, 28);
        assertEquals(12, d.train().size());
        assertEquals(5, d.val().size());
        assertEquals(10, d.classes().size());
        assertEquals("Ankle boot", d.classes().get(9));
        assertEquals(1, d.train().channels());
        assertEquals(1, d.val().channels());
        assertEquals(1, d.train().label(11));
        assertEquals(4, d.val().label(4));
        float[] x = new float[2 * 784];
        d.train().read(3, x, 784);
        assertEquals(norm(93), x[784], 1e-6f);
        assertEquals(norm((93 + 783) % 256), x[2 * 784 - 1], 1e-6f);
        assertEquals(0f, x[0]);
        // pixel 0 = 0 and pixel 255 = 255 map to the ends of the normalised range
        d.train().read(0, x, 0);
        assertEquals(-0.2860f / 0.3530f, x[0], 1e-6f);
        assertEquals((1 - 0.2860f) / 0.3530f, x[255], 1e-6f);
    }

    @Test
    void trainSizeTakesTheFirstImages() throws IOException {
        write("train", 12);
        write("t10k", 5);
        ImageDataset d = FashionMnistData.open(dir, 4, 28);
        assertEquals(4, d.train().size());
        assertEquals(5, d.val().size());
        float[] a = new float[784];
        d.train().read(3, a, 0);
        assertEquals(norm(93), a[0], 1e-6f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, 13, 28));
        assertEquals("train_size must be <= the 12 training images of " + dir + ", got 13", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FashionMnistData.open(dir, 0, 28));
    }

    @Test
    void otherSizesAreBilinearResizes() throws IOException {
        write("train", 2);
        write("t10k", 1);
        ImageDataset d = FashionMnistData.open(dir, null, 56);
        float[] x = new float[56 * 56];
        d.train().read(0, x, 0);
        // upsampling by 2 with pixel centres: output (0, 0) is source (0, 0) (clamped); output (0, 1) is
        // 3/4 of source pixel 0 and 1/4 of pixel 1; output (1, 1) also mixes row 1 (pixel 28 = 28)
        assertEquals(norm(0), x[0], 1e-6f);
        assertEquals(0.75f * norm(0) + 0.25f * norm(1), x[1], 1e-6f);
        float row0 = 0.75f * norm(0) + 0.25f * norm(1);
        float row1 = 0.75f * norm(28) + 0.25f * norm(29);
        assertEquals(0.75f * row0 + 0.25f * row1, x[57], 1e-6f);
    }

    @Test
    void missingDataNamesTheDebianPackage() throws IOException {
        Path none = dir.resolve("none");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(none, null, 28));
        assertTrue(e.getMessage().startsWith("Fashion-MNIST folder " + none + " does not exist; "), e.getMessage());
        assertTrue(e.getMessage().endsWith("apt-get install dataset-fashion-mnist"), e.getMessage());
        write("train", 3);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST folder " + dir + " has no t10k-labels-idx1-ubyte.gz; install it with: apt-get install"
                + " dataset-fashion-mnist", f.getMessage());
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        write("train", 3);
        write("t10k", 2);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        writeIdx(labels, 0x803, new int[] {2, 28, 28}, new byte[2 * 784]);
        IllegalArgumentException magic = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST file " + labels + " is not an IDX label file (magic number 0x00000803, expected"
                + " 0x00000801)", magic.getMessage());
        writeIdx(labels, 0x801, new int[] {2}, new byte[] {3, 10});
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST file " + labels + " has label 10 at item 1; labels must be 0 to 9", label.getMessage());
        writeIdx(labels, 0x801, new int[] {3}, new byte[] {3, 1});
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST file " + labels + " ends before its last item (truncated)", truncated.getMessage());
        Files.write(labels, new byte[] {1, 2, 3});
        IllegalArgumentException gzip = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST file " + labels + " is not a gzip file", gzip.getMessage());
        writeIdx(labels, 0x801, new int[] {3}, new byte[] {3, 1, 2});
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> FashionMnistData.open(dir, null, 28));
        assertEquals("Fashion-MNIST folder " + dir + ": t10k-images-idx3-ubyte.gz holds 2 images but t10k-labels-idx1-ubyte.gz"
                + " holds 3 labels", count.getMessage());
    }
}
