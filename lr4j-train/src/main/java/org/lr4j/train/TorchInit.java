package org.lr4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;

/**
 * PyTorch's initialisation of a model's layers, in place of DJL's (He-normal weights, {@code
 * XavierInitializer(GAUSSIAN, IN, 2)}: 2.45 times the spread of PyTorch's, which made the small CNN's
 * first-epoch loss 4.1 instead of PyTorch's 2.4).
 *
 * <ul>
 *   <li>Convolution and linear weights, PyTorch's layer default ({@code nn.Conv2d}, {@code nn.Linear}
 *       {@code reset_parameters}: {@code kaiming_uniform_(a = sqrt(5))}):
 *       {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, {@code fan_in = in_channels * kernel_h * kernel_w}
 *       (linear: {@code in_features}).</li>
 *   <li>Biases: {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} with their layer's {@code fan_in}.</li>
 *   <li>Batch norm: weight (gamma) 1, bias (beta) 0, running mean 0, running variance 1 (DJL's defaults,
 *       as PyTorch's).</li>
 *   <li>{@link Conv#RESNET}, the ResNets: torchvision's {@code ResNet.__init__} re-initialises every convolution with
 *       {@code kaiming_normal_(mode = 'fan_out', nonlinearity = 'relu')}:
 *       {@code N(0, sqrt(2 / fan_out))}, {@code fan_out = out_channels * kernel_h * kernel_w}; its linear
 *       classifier keeps the layer default above.</li>
 * </ul>
 *
 * <p>Random numbers come from the engine's generator ({@code Engine.setRandomSeed}), so a seed gives
 * the same weights on every run.
 */
final class TorchInit {
    /** Which scheme convolutions get. */
    enum Conv {
        /** PyTorch's {@code nn.Conv2d} default, {@code kaiming_uniform_(a = sqrt(5))}. */
        LAYER_DEFAULT,
        /** torchvision's ResNet, {@code kaiming_normal_(mode = 'fan_out', nonlinearity = 'relu')}. */
        RESNET
    }

    private TorchInit() {
    }

    /** The convolution scheme model {@code name} gets in PyTorch. */
    static Conv schemeOf(String name) {
        return name.startsWith("resnet") ? Conv.RESNET : Conv.LAYER_DEFAULT;
    }

    /**
     * Re-initialises every convolution, linear and batch-norm layer of an initialised {@code block}.
     *
     * @param block a block whose parameters are initialised (shapes known)
     * @param manager where the random arrays are made (closed before return)
     * @param conv the convolutions' scheme
     */
    static void apply(Block block, NDManager manager, Conv conv) {
        try (NDManager m = manager.newSubManager()) {
            visit(block, m, conv);
        }
    }

    private static void visit(Block block, NDManager m, Conv conv) {
        if (block instanceof Convolution || block instanceof Linear) {
            Parameter weight = null;
            Parameter bias = null;
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    weight = p.getValue();
                } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                    bias = p.getValue();
                }
            }
            if (weight != null) {
                Shape s = weight.getArray().getShape();
                long receptive = s.size() / (s.get(0) * s.get(1));
                long fanIn = s.get(1) * receptive;
                float bound = (float) (1 / Math.sqrt(fanIn));
                if (block instanceof Convolution && conv == Conv.RESNET) {
                    float std = (float) Math.sqrt(2.0 / (s.get(0) * receptive));
                    fill(weight, m.randomNormal(0f, std, s, weight.getArray().getDataType()));
                } else {
                    fill(weight, m.randomUniform(-bound, bound, s, weight.getArray().getDataType()));
                }
                if (bias != null) {
                    NDArray b = bias.getArray();
                    fill(bias, m.randomUniform(-bound, bound, b.getShape(), b.getDataType()));
                }
            }
        } else if (block instanceof BatchNorm) {
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                NDArray a = p.getValue().getArray();
                switch (p.getValue().getType()) {
                    case GAMMA, RUNNING_VAR -> fill(p.getValue(), m.ones(a.getShape(), a.getDataType()));
                    case BETA, RUNNING_MEAN -> fill(p.getValue(), m.zeros(a.getShape(), a.getDataType()));
                    default -> { }
                }
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            visit(child.getValue(), m, conv);
        }
    }

    private static void fill(Parameter p, NDArray values) {
        values.copyTo(p.getArray());
    }
}
