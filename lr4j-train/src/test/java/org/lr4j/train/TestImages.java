package org.lr4j.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes small image folders for the tests. */
final class TestImages {
    private TestImages() {
    }

    /**
     * {@code root/train/class<k>/<i>.png} and {@code root/val/class<k>/<i>.png}: class k is a noisy image of
     * a colour of its own, so a model separates them in a few updates.
     */
    static Path folder(Path root, int classes, int trainPerClass, int valPerClass, int size) throws IOException {
        Random r = new Random(7);
        int[] colours = {0xD03030, 0x30C040, 0x3050D0, 0xD0C030};
        for (String split : new String[] {"train", "val"}) {
            int n = split.equals("train") ? trainPerClass : valPerClass;
            for (int k = 0; k < classes; k++) {
                Path dir = Files.createDirectories(root.resolve(split).resolve("class" + k));
                for (int i = 0; i < n; i++) {
                    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            int c = colours[k % colours.length];
                            int d = r.nextInt(61) - 30;
                            int red = Math.max(0, Math.min(255, ((c >> 16) & 0xFF) + d));
                            int green = Math.max(0, Math.min(255, ((c >> 8) & 0xFF) + d));
                            int blue = Math.max(0, Math.min(255, (c & 0xFF) + d));
                            img.setRGB(x, y, (red << 16) | (green << 8) | blue);
                        }
                    }
                    ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
                }
            }
        }
        return root;
    }
}
