package org.lr4j.train;

import java.util.List;

/**
 * A classification dataset: class names (index = label), the image size and the train and validation
 * splits.
 *
 * @param source where it comes from (a folder, or {@code built-in shapes})
 * @param classes the class names, in label order
 * @param imgSize the images' height and width in pixels
 * @param train the training split
 * @param val the validation split
 */
public record ImageDataset(String source, List<String> classes, int imgSize, LabeledImages train, LabeledImages val) {
    /** Copies the class list. */
    public ImageDataset {
        classes = List.copyOf(classes);
    }
}
