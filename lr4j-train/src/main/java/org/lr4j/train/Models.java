package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.Locale;

/**
 * The models {@code --model} names: {@code resnet18}, {@code resnet34}, {@code resnet50} from DJL's basic
 * model zoo ({@code ResNetV1}), and {@code smallcnn}, the default for the built-in data: three blocks of
 * 3x3 convolution, batch norm, ReLU and 2x2 max pooling (16, 32, 64 filters), global average pooling and a
 * linear classifier (about 24 thousand parameters).
 *
 * <p>{@code resnet50} trains with oneDNN capped at SSE4.1 ({@link ImageClassifierTrainer} sets it before
 * the engine loads): the faster kernels of PyTorch 2.7.1's oneDNN crash the process in its backward pass
 * on this project's machines.
 */
public final class Models {
    /** The valid {@code --model} names. */
    public static final List<String> NAMES = List.of("smallcnn", "resnet18", "resnet34", "resnet50");

    /** The smallest image size the ResNets accept (DJL's ResNetV1 refuses 18/34/50 layers below it). */
    public static final int RESNET_MIN_IMG_SIZE = 32;

    /** The smallest image size the small CNN accepts (three 2x2 poolings). */
    public static final int SMALLCNN_MIN_IMG_SIZE = 8;

    private Models() {
    }

    /**
     * {@code name} in lower case when it is a known model.
     *
     * @throws IllegalArgumentException naming the valid names when it is not
     */
    public static String checkName(String name) {
        String n = name == null ? null : name.toLowerCase(Locale.ROOT);
        if (n == null || !NAMES.contains(n)) {
            throw new InvalidValueException("model", "must be one of " + String.join(", ", NAMES),
                    String.valueOf(name));
        }
        return n;
    }

    /**
     * Checks that model {@code name} accepts images of {@code imgSize} pixels square.
     *
     * @throws IllegalArgumentException naming {@code img_size} when it is too small for the model
     */
    public static void checkImageSize(String name, int imgSize) {
        int min = checkName(name).equals("smallcnn") ? SMALLCNN_MIN_IMG_SIZE : RESNET_MIN_IMG_SIZE;
        if (imgSize < min) {
            throw new InvalidValueException("img_size", "must be >= " + min + " for model " + name,
                    String.valueOf(imgSize));
        }
    }

    /**
     * A new, uninitialized model.
     *
     * @param name a name of {@link #NAMES}
     * @param numClasses the number of classes ({@code > 1})
     * @param imgSize the images' height and width
     * @throws IllegalArgumentException when the name is unknown, there are fewer than 2 classes, or the
     *     image size is too small for the model
     */
    public static Block create(String name, int numClasses, int imgSize) {
        String n = checkName(name);
        if (numClasses < 2) {
            throw new InvalidValueException("num_classes", "must be >= 2", String.valueOf(numClasses));
        }
        checkImageSize(n, imgSize);
        return switch (n) {
            case "smallcnn" -> smallCnn(numClasses);
            case "resnet18" -> resnet(18, numClasses, imgSize);
            case "resnet34" -> resnet(34, numClasses, imgSize);
            case "resnet50" -> resnet(50, numClasses, imgSize);
            default -> throw new AssertionError(n);
        };
    }

    private static Block resnet(int layers, int numClasses, int imgSize) {
        return ResNetV1.builder().setImageShape(new Shape(3, imgSize, imgSize)).setNumLayers(layers)
                .setOutSize(numClasses).build();
    }

    private static Block smallCnn(int numClasses) {
        SequentialBlock b = new SequentialBlock();
        for (int filters : new int[] {16, 32, 64}) {
            b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                    .optBias(false).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return b.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
