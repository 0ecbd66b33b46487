package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Fashion-MNIST (Zalando's 28 x 28 grayscale clothing images, 10 classes) read from the four gzipped IDX
 * files that Debian's {@code dataset-fashion-mnist} installs in {@value #DEFAULT_DIR}:
 * {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz},
 * {@code t10k-labels-idx1-ubyte.gz}. The training split is the first {@code trainSize} training images;
 * the validation split is the whole 10,000-image test set. Images stay in memory as bytes (55 MB for all
 * 70,000) and are written as one channel, {@code (v / 255 - 0.2860) / 0.3530} (the training set's mean
 * and standard deviation, as the PyTorch reference script normalises), resized bilinearly (pixel centres,
 * as {@code torch.nn.functional.interpolate(mode='bilinear', align_corners=False)}) when the image size is
 * not 28.
 *
 * <p>Why not DJL's {@code ai.djl.basicdataset.cv.classification.FashionMnist}: it reads its files through
 * a DJL {@code Repository} artifact (a {@code metadata.json} naming the files, fetched from DJL's model
 * hub unless a repository laid out that way is given), so it cannot open the plain folder of four files
 * with no network, and it holds every image as 32-bit floats (four times the memory of bytes).
 *
 * <p>IDX format (big-endian): magic {@code 0x00000803} for images (then count, rows, columns) and
 * {@code 0x00000801} for labels (then count), followed by one unsigned byte per pixel or label.
 *
 * <pre>{@code
 * ImageDataset d = FashionMnistData.open(FashionMnistData.DEFAULT_DIR, 10000, 28);
 * d.train().size();   // 10000
 * d.val().size();     // 10000
 * d.classes().get(9); // "Ankle boot"
 * }</pre>
 */
public final class FashionMnistData {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIR = Paths.get("/usr/share/datasets/fashion-mnist");

    /** The dataset names {@code --dataset} accepts for it (lr4j's and timm's). */
    public static final List<String> NAMES = List.of("fashion-mnist", "torch/fashion_mnist");

    /** The class names, in label order (Zalando's). */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The images' native size. */
    public static final int NATIVE_SIZE = 28;

    /** The training set's pixel mean (of {@code v / 255}). */
    public static final float MEAN = 0.2860f;

    /** The training set's pixel standard deviation (of {@code v / 255}). */
    public static final float STD = 0.3530f;

    /** The hint every missing-file message ends with. */
    static final String INSTALL_HINT = "install it with: apt-get install dataset-fashion-mnist";

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private FashionMnistData() {
    }

    /**
     * {@code true} when {@code name} is one of {@link #NAMES} (case-insensitive).
     */
    public static boolean isName(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the dataset from {@code dir}.
     *
     * @param dir the folder holding the four {@code .gz} files ({@link #DEFAULT_DIR} when null)
     * @param trainSize the number of training images to use, the first ones (null for all)
     * @param imgSize the image size the model sees
     * @throws IllegalArgumentException naming the folder or file when the folder or a file is missing (with the
     *     {@code apt-get} line), is not gzip, or is not an IDX file of the expected kind; when the images'
     *     and labels' counts differ or a label is not 0..9; naming {@code train_size} when it is below 1 or
     *     above the training images; naming {@code img_size} when it is below 1
     */
    public static ImageDataset open(Path dir, Integer trainSize, int imgSize) {
        if (imgSize < 1) {
            throw new InvalidValueException("img_size", "must be >= 1", String.valueOf(imgSize));
        }
        if (trainSize != null && trainSize < 1) {
            throw new InvalidValueException("train_size", "must be >= 1", String.valueOf(trainSize));
        }
        Path root = dir == null ? DEFAULT_DIR : dir;
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Fashion-MNIST folder " + root + " does not exist; "
                    + (dir == null ? INSTALL_HINT : "it needs the four .gz files of Fashion-MNIST, or " + INSTALL_HINT));
        }
        byte[][] train = read(root, "train", trainSize);
        if (trainSize != null && trainSize > train[1].length) {
            throw new InvalidValueException("train_size", "must be <= the " + train[1].length
                    + " training images of " + root, String.valueOf(trainSize));
        }
        byte[][] test = read(root, "t10k", null);
        return new ImageDataset("Fashion-MNIST " + root, CLASSES, imgSize, new Split(train[0], train[1], imgSize),
                new Split(test[0], test[1], imgSize));
    }

    /** {images, labels} of split {@code kind}, the first {@code limit} (all when null). */
    private static byte[][] read(Path root, String kind, Integer limit) {
        Path imagesFile = root.resolve(kind + "-images-idx3-ubyte.gz");
        Path labelsFile = root.resolve(kind + "-labels-idx1-ubyte.gz");
        byte[] labels = readIdx(labelsFile, LABELS_MAGIC, limit, 1);
        byte[] images = readIdx(imagesFile, IMAGES_MAGIC, limit, NATIVE_SIZE * NATIVE_SIZE);
        if (images.length / (NATIVE_SIZE * NATIVE_SIZE) != labels.length) {
            throw new IllegalArgumentException("Fashion-MNIST folder " + root + ": " + imagesFile.getFileName() + " holds "
                    + images.length / (NATIVE_SIZE * NATIVE_SIZE) + " images but " + labelsFile.getFileName()
                    + " holds " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES.size()) {
                throw new IllegalArgumentException("Fashion-MNIST file " + labelsFile + " has label " + (labels[i] & 0xFF)
                        + " at item " + i + "; labels must be 0 to " + (CLASSES.size() - 1));
            }
        }
        return new byte[][] {images, labels};
    }

    /** The items of an IDX file (the first {@code limit} when not null), {@code itemBytes} each. */
    private static byte[] readIdx(Path file, int magic, Integer limit, int itemBytes) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16),
                        1 << 16))) {
            int m = in.readInt();
            if (m != magic) {
                throw new IllegalArgumentException("Fashion-MNIST file " + file + " is not an IDX "
                        + (magic == IMAGES_MAGIC ? "image" : "label") + " file (magic number "
                        + String.format(Locale.ROOT, "0x%08x, expected 0x%08x)", m, magic));
            }
            int count = in.readInt();
            if (magic == IMAGES_MAGIC) {
                int rows = in.readInt();
                int cols = in.readInt();
                if (rows != NATIVE_SIZE || cols != NATIVE_SIZE) {
                    throw new IllegalArgumentException("Fashion-MNIST file " + file + " holds " + rows + " x " + cols
                            + " images; Fashion-MNIST's are " + NATIVE_SIZE + " x " + NATIVE_SIZE);
                }
            }
            if (count < 0) {
                throw new IllegalArgumentException("Fashion-MNIST file " + file + " has a negative item count " + count);
            }
            int n = limit == null ? count : Math.min(count, limit);
            byte[] items = new byte[Math.multiplyExact(n, itemBytes)];
            in.readFully(items);
            return items;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Fashion-MNIST folder " + file.getParent() + " has no " + file.getFileName()
                    + "; " + INSTALL_HINT, e);
        } catch (EOFException e) {
            throw new IllegalArgumentException("Fashion-MNIST file " + file + " ends before its last item (truncated)", e);
        } catch (ZipException e) {
            throw new IllegalArgumentException("Fashion-MNIST file " + file + " is not a gzip file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Fashion-MNIST file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** One split: images as bytes, one after the other, 28 x 28 each. */
    private static final class Split implements LabeledImages {
        private final byte[] images;
        private final byte[] labels;
        private final int imgSize;
        private final float[] lut = new float[256];

        Split(byte[] images, byte[] labels, int imgSize) {
            this.images = images;
            this.labels = labels;
            this.imgSize = imgSize;
            for (int v = 0; v < 256; v++) {
                lut[v] = (v / 255f - FashionMnistData.MEAN) / FashionMnistData.STD;
            }
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public int label(int index) {
            return labels[index];
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            int n = NATIVE_SIZE;
            int base = index * n * n;
            if (imgSize == n) {
                for (int i = 0; i < n * n; i++) {
                    dst[offset + i] = lut[images[base + i] & 0xFF];
                }
                return;
            }
            double scale = (double) n / imgSize;
            for (int y = 0; y < imgSize; y++) {
                double sy = Math.max(0, (y + 0.5) * scale - 0.5);
                int y0 = Math.min((int) sy, n - 1);
                int y1 = Math.min(y0 + 1, n - 1);
                double fy = sy - y0;
                for (int x = 0; x < imgSize; x++) {
                    double sx = Math.max(0, (x + 0.5) * scale - 0.5);
                    int x0 = Math.min((int) sx, n - 1);
                    int x1 = Math.min(x0 + 1, n - 1);
                    double fx = sx - x0;
                    double top = lut[images[base + y0 * n + x0] & 0xFF] * (1 - fx)
                            + lut[images[base + y0 * n + x1] & 0xFF] * fx;
                    double bottom = lut[images[base + y1 * n + x0] & 0xFF] * (1 - fx)
                            + lut[images[base + y1 * n + x1] & 0xFF] * fx;
                    dst[offset + y * imgSize + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
    }
}
