package org.lr4j.train;

/**
 * One split of an image dataset: labelled square images of {@link #channels()} channels, read on demand as
 * normalized CHW floats (RGB images: {@code (v / 255 - mean[c]) / std[c]} with ImageNet's mean and standard
 * deviation, as timm's default transform; other datasets say their own).
 */
public interface LabeledImages {
    /** ImageNet's per-channel mean, as timm normalizes. */
    float[] MEAN = {0.485f, 0.456f, 0.406f};

    /** ImageNet's per-channel standard deviation, as timm normalizes. */
    float[] STD = {0.229f, 0.224f, 0.225f};

    /** The number of images. */
    int size();

    /** Image {@code index}'s class index. */
    int label(int index);

    /** The number of channels of every image (3, RGB, unless the dataset says otherwise). */
    default int channels() {
        return 3;
    }

    /**
     * Writes image {@code index} ({@code channels() * imgSize * imgSize} floats, channel-major) into {@code dst}
     * from {@code offset}.
     *
     * @throws IllegalArgumentException when the image cannot be read (the message names the file)
     */
    void read(int index, float[] dst, int offset);

    /** Writes one pixel ({@code 0xRRGGBB}) at position {@code pos} of an image of {@code plane} pixels. */
    static void writePixel(int rgb, float[] dst, int offset, int plane, int pos) {
        dst[offset + pos] = (((rgb >> 16) & 0xFF) / 255f - MEAN[0]) / STD[0];
        dst[offset + plane + pos] = (((rgb >> 8) & 0xFF) / 255f - MEAN[1]) / STD[1];
        dst[offset + 2 * plane + pos] = ((rgb & 0xFF) / 255f - MEAN[2]) / STD[2];
    }
}
