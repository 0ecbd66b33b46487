package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in dataset: coloured shapes ({@code circle}, {@code square}, {@code triangle}, {@code cross})
 * on a coloured background, generated deterministically in memory, nothing downloaded. Each image has
 * its own random shape colour, background colour, centre, size and pixel noise, drawn from a generator
 * seeded by the split and the image index, so an image is the same on every run and every machine.
 * Classes are balanced: image {@code i} is of class {@code i % 4}. Chance accuracy is 25%.
 *
 * <pre>{@code
 * ImageDataset d = BuiltinShapes.create(500, 100, 32);
 * d.train().size();    // 2000
 * d.val().label(6);    // 2 (triangle)
 * }</pre>
 */
public final class BuiltinShapes {
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");

    /** Default number of training images per class. */
    public static final int TRAIN_PER_CLASS = 500;

    /** Default number of validation images per class. */
    public static final int VAL_PER_CLASS = 100;

    /** Default image size. */
    public static final int IMG_SIZE = 32;

    private BuiltinShapes() {
    }

    /** The default dataset: 2000 training and 400 validation images of 32 x 32 pixels. */
    public static ImageDataset create() {
        return create(TRAIN_PER_CLASS, VAL_PER_CLASS, IMG_SIZE);
    }

    /**
     * A dataset with {@code trainPerClass} and {@code valPerClass} images of each class, {@code imgSize}
     * pixels square.
     *
     * @throws IllegalArgumentException when a count is below 1 or the size below 8
     */
    public static ImageDataset create(int trainPerClass, int valPerClass, int imgSize) {
        if (trainPerClass < 1) {
            throw new InvalidValueException("train images per class", "must be >= 1", String.valueOf(trainPerClass));
        }
        if (valPerClass < 1) {
            throw new InvalidValueException("validation images per class", "must be >= 1", String.valueOf(valPerClass));
        }
        if (imgSize < 8) {
            throw new InvalidValueException("img_size", "must be >= 8 for the built-in data", String.valueOf(imgSize));
        }
        int k = CLASSES.size();
        return new ImageDataset("built-in shapes", CLASSES, imgSize, new Split(0, trainPerClass * k, imgSize),
                new Split(1, valPerClass * k, imgSize));
    }

    private static final class Split implements LabeledImages {
        private final long splitSeed;
        private final int size;
        private final int imgSize;

        Split(int split, int size, int imgSize) {
            this.splitSeed = 0x5EED_0000L + split * 0x1_0000_0000L;
            this.size = size;
            this.imgSize = imgSize;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int label(int index) {
            return index % CLASSES.size();
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            SplittableRandom r = new SplittableRandom(splitSeed + index);
            int shape = label(index);
            int s = imgSize;
            int bg = r.nextInt(0x1000000);
            int fg;
            do {
                fg = r.nextInt(0x1000000);
            } while (distance(fg, bg) < 160);
            double radius = s * (0.2 + 0.15 * r.nextDouble());
            double cx = s * (0.35 + 0.3 * r.nextDouble());
            double cy = s * (0.35 + 0.3 * r.nextDouble());
            int plane = s * s;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double dx = (x + 0.5 - cx) / radius;
                    double dy = (y + 0.5 - cy) / radius;
                    int rgb = inside(shape, dx, dy) ? fg : bg;
                    rgb = jitter(rgb, r.nextInt(41) - 20);
                    LabeledImages.writePixel(rgb, dst, offset, plane, y * s + x);
                }
            }
        }

        /** Whether (dx, dy), in units of the radius from the centre, is inside the shape. */
        private static boolean inside(int shape, double dx, double dy) {
            double ax = Math.abs(dx);
            double ay = Math.abs(dy);
            return switch (shape) {
                case 0 -> dx * dx + dy * dy <= 1;
                case 1 -> ax <= 0.8 && ay <= 0.8;
                case 2 -> dy >= -1 && dy <= 0.7 && ax <= (dy + 1) / 1.7;
                case 3 -> (ax <= 0.3 && ay <= 1) || (ay <= 0.3 && ax <= 1);
                default -> throw new AssertionError(shape);
            };
        }

        private static int distance(int a, int b) {
            return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
                    + Math.abs((a & 0xFF) - (b & 0xFF));
        }

        private static int jitter(int rgb, int d) {
            int red = clamp(((rgb >> 16) & 0xFF) + d);
            int green = clamp(((rgb >> 8) & 0xFF) + d);
            int blue = clamp((rgb & 0xFF) + d);
            return (red << 16) | (green << 8) | blue;
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }
    }
}
