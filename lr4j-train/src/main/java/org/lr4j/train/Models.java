package org.lr4j.train;

import org.lr4j.schedule.InvalidValueException;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.Locale;

/**
 * The models {@code --model} names:
 *
 * <ul>
 *   <li>{@code smallcnn}, the default for the built-in data and Fashion-MNIST: three blocks of 3x3
 *       convolution without bias, batch norm, ReLU and 2x2 max pooling (16, 32, 64 filters), global average
 *       pooling and a linear classifier (about 24 thousand parameters), as the PyTorch reference script's
 *       {@code nn.Sequential}.</li>
 *   <li>{@code resnet18}, {@code resnet34}: torchvision's (and timm's) ResNet with basic blocks
 *       ({@code [2, 2, 2, 2]} and {@code [3, 4, 6, 3]} blocks of 64, 128, 256, 512 filters), 7x7 stride-2
 *       stem, 3x3 stride-2 max pooling, 1x1 stride-2 projection shortcuts, global average pooling and a
 *       linear classifier. (DJL's {@code ResNetV1} of 18 and 34 layers uses bottleneck blocks and, up to
 *       32 pixels, a stride-1 stem: another, slower network than the one a timm user names.)</li>
 *   <li>{@code resnet50} from DJL's basic model zoo ({@code ResNetV1}).</li>
 * </ul>
 *
 * <p>Batch norm is PyTorch's: momentum 0.1 (DJL's {@code BatchNorm} states it as 0.9, the weight of the
 * running value, and passes {@code 1 - 0.9} to PyTorch), epsilon 1e-5, batch statistics in training and
 * running statistics in evaluation. Initialisation: {@link TorchInit}.
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
        return create(name, numClasses, imgSize, 3);
    }

    /**
     * A new, uninitialized model for images of {@code inChans} channels.
     *
     * @throws IllegalArgumentException as {@link #create(String, int, int)}, or when {@code inChans < 1}
     */
    public static Block create(String name, int numClasses, int imgSize, int inChans) {
        String n = checkName(name);
        if (inChans < 1) {
            throw new InvalidValueException("in_chans", "must be >= 1", String.valueOf(inChans));
        }
        if (numClasses < 2) {
            throw new InvalidValueException("num_classes", "must be >= 2", String.valueOf(numClasses));
        }
        checkImageSize(n, imgSize);
        return switch (n) {
            case "smallcnn" -> smallCnn(numClasses);
            case "resnet18" -> basicResNet(new int[] {2, 2, 2, 2}, numClasses);
            case "resnet34" -> basicResNet(new int[] {3, 4, 6, 3}, numClasses);
            case "resnet50" -> resnet(50, numClasses, imgSize, inChans);
            default -> throw new AssertionError(n);
        };
    }

    private static Block resnet(int layers, int numClasses, int imgSize, int inChans) {
        return ResNetV1.builder().setImageShape(new Shape(inChans, imgSize, imgSize)).setNumLayers(layers)
                .setOutSize(numClasses).build();
    }

    /** torchvision's {@code ResNet(BasicBlock, blocks)}. */
    private static Block basicResNet(int[] blocks, int numClasses) {
        SequentialBlock net = new SequentialBlock()
                .add(conv(64, 7, 2, 3))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int in = 64;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < widths.length; stage++) {
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                net.add(basicBlock(widths[stage], stride, stride != 1 || in != widths[stage]));
                in = widths[stage];
            }
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    /** conv3x3, bn, relu, conv3x3, bn; plus the shortcut (identity, or conv1x1 and bn); relu. */
    private static Block basicBlock(int filters, int stride, boolean project) {
        SequentialBlock residual = new SequentialBlock()
                .add(conv(filters, 3, stride, 1))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(conv(filters, 3, 1, 1))
                .add(batchNorm());
        SequentialBlock shortcut = new SequentialBlock();
        if (project) {
            shortcut.add(conv(filters, 1, stride, 0)).add(batchNorm());
        } else {
            shortcut.add(Blocks.identityBlock());
        }
        return new ParallelBlock(list -> {
            NDArray sum = list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow());
            return new NDList(Activation.relu(sum));
        }, List.of(residual, shortcut));
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding)).optBias(false).build();
    }

    /** PyTorch's BatchNorm2d defaults: momentum 0.1 (DJL's 0.9 is {@code 1 - 0.1}), eps 1e-5. */
    private static Block batchNorm() {
        return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
    }

    private static Block smallCnn(int numClasses) {
        SequentialBlock b = new SequentialBlock();
        for (int filters : new int[] {16, 32, 64}) {
            b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                    .optBias(false).build())
                    .add(batchNorm())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return b.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
