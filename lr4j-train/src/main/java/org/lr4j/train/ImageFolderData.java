package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * An image folder laid out as timm's and torchvision's {@code ImageFolder} expect, like imagenette2-320:
 * {@code DATA_DIR/train/CLASS/*.png|jpg|jpeg|bmp|gif} and {@code DATA_DIR/val/CLASS/...} (or
 * {@code validation/}). Classes are the sub-folders of {@code train/}, sorted by name; every one must hold
 * at least one image (searched recursively); a validation class must be a training class. Images are
 * read when a batch needs them and resized to {@code imgSize x imgSize} (bilinear, whole image, no
 * augmentation).
 */
public final class ImageFolderData {
    /** The image file extensions read (case-insensitive). */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageFolderData() {
    }

    /**
     * Scans {@code dataDir}.
     *
     * @throws IllegalArgumentException naming the folder when {@code dataDir} is missing or not a folder,
     *     has no {@code train/} or no {@code val/}/{@code validation/}, {@code train/} has no class
     *     folders, a class has no image, a validation class is not a training class, or the validation
     *     split has no image
     */
    public static ImageDataset open(Path dataDir, int imgSize) {
        if (imgSize < 1) {
            throw new InvalidValueException("img_size", "must be >= 1", String.valueOf(imgSize));
        }
        if (!Files.exists(dataDir)) {
            throw new IllegalArgumentException("DATA_DIR " + dataDir + " does not exist");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("DATA_DIR " + dataDir + " is not a folder");
        }
        Path train = dataDir.resolve("train");
        if (!Files.isDirectory(train)) {
            throw new IllegalArgumentException("DATA_DIR " + dataDir + " has no train/ folder (expected train/ and val/,"
                    + " one sub-folder per class)");
        }
        Path val = dataDir.resolve("val");
        if (!Files.isDirectory(val)) {
            val = dataDir.resolve("validation");
        }
        if (!Files.isDirectory(val)) {
            throw new IllegalArgumentException("DATA_DIR " + dataDir + " has no val/ or validation/ folder");
        }
        List<String> classes = subFolders(train);
        if (classes.size() < 2) {
            throw new InvalidValueException("DATA_DIR " + train, "must hold at least 2 class folders",
                    String.valueOf(classes.size()));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        Split trainSplit = scan(train, classes, index, true, imgSize);
        List<String> valClasses = subFolders(val);
        for (String c : valClasses) {
            if (!index.containsKey(c)) {
                throw new IllegalArgumentException("DATA_DIR " + val.resolve(c) + " is a class that train/ does not have");
            }
        }
        Split valSplit = scan(val, valClasses, index, false, imgSize);
        if (valSplit.size() == 0) {
            throw new IllegalArgumentException("DATA_DIR " + val + " holds no image ("
                    + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageDataset(dataDir.toString(), classes, imgSize, trainSplit, valSplit);
    }

    private static List<String> subFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("DATA_DIR " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    private static Split scan(Path dir, List<String> classes, Map<String, Integer> index, boolean eachNeedsImages,
            int imgSize) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String c : classes) {
            Path cdir = dir.resolve(c);
            List<Path> images;
            try (Stream<Path> s = Files.walk(cdir)) {
                images = s.filter(Files::isRegularFile).filter(ImageFolderData::isImage).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("DATA_DIR " + cdir + " cannot be listed: " + e.getMessage(), e);
            }
            if (images.isEmpty() && eachNeedsImages) {
                throw new IllegalArgumentException("DATA_DIR " + cdir + " holds no image ("
                        + String.join(", ", EXTENSIONS) + ")");
            }
            for (Path p : images) {
                files.add(p);
                labels.add(index.get(c));
            }
        }
        return new Split(files, labels, imgSize);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (n.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    private static final class Split implements LabeledImages {
        private final List<Path> files;
        private final int[] labels;
        private final int imgSize;

        Split(List<Path> files, List<Integer> labels, int imgSize) {
            this.files = List.copyOf(files);
            this.labels = labels.stream().mapToInt(Integer::intValue).toArray();
            this.imgSize = imgSize;
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public int label(int index) {
            return labels[index];
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            Path file = files.get(index);
            BufferedImage src;
            try {
                src = ImageIO.read(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("image " + file + " cannot be read: " + e.getMessage(), e);
            }
            if (src == null) {
                throw new IllegalArgumentException("image " + file + " is not a readable PNG, JPEG, BMP or GIF image");
            }
            BufferedImage img = src;
            if (src.getWidth() != imgSize || src.getHeight() != imgSize || src.getType() != BufferedImage.TYPE_INT_RGB) {
                img = new BufferedImage(imgSize, imgSize, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(src, 0, 0, imgSize, imgSize, null);
                } finally {
                    g.dispose();
                }
            }
            int plane = imgSize * imgSize;
            for (int y = 0; y < imgSize; y++) {
                for (int x = 0; x < imgSize; x++) {
                    LabeledImages.writePixel(img.getRGB(x, y), dst, offset, plane, y * imgSize + x);
                }
            }
        }
    }
}
