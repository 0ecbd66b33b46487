package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models have PyTorch's architecture and initialisation, layer by layer: the small CNN as the
 * reference script's {@code nn.Sequential} (24,058 parameters), ResNet-18/34 as torchvision's (11,689,512
 * and 21,797,672 parameters with 3 channels and 1000 classes, the counts torchvision publishes, less the
 * 3-to-1-channel stem and the 1000-to-10-class classifier); every weight drawn from PyTorch's distribution.
 */
class TorchInitTest {
    @BeforeAll
    static void offline() {
        DjlEnvironment.configure();
    }

    private static List<Pair<String, Parameter>> init(String model, int imgSize) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        NDManager manager = NDManager.newBaseManager("PyTorch");
        Block block = Models.create(model, 10, imgSize, 1);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, imgSize, imgSize));
        TorchInit.apply(block, manager, TorchInit.schemeOf(model));
        List<Pair<String, Parameter>> out = new ArrayList<>();
        block.getParameters().forEach(out::add);
        return out;
    }

    private static long trainable(List<Pair<String, Parameter>> params) {
        return params.stream().filter(p -> p.getValue().requiresGradient())
                .mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    private static double std(float[] v) {
        double sum = 0;
        double sq = 0;
        for (float x : v) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / v.length;
        return Math.sqrt(sq / v.length - mean * mean);
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void smallCnnHasPyTorchsLayerDefaults() {
        List<Pair<String, Parameter>> params = init("smallcnn", 28);
        assertEquals(24_058, trainable(params));
        int convs = 0;
        for (Pair<String, Parameter> p : params) {
            Parameter q = p.getValue();
            float[] v = q.getArray().toFloatArray();
            Shape s = q.getArray().getShape();
            switch (q.getType()) {
                case WEIGHT -> {
                    long fanIn = s.size() / s.get(0);
                    double bound = 1 / Math.sqrt(fanIn);
                    assertTrue(maxAbs(v) <= bound, p.getKey() + " within +-1/sqrt(fan_in)");
                    assertTrue(maxAbs(v) > 0.9 * bound, p.getKey() + " spans +-1/sqrt(fan_in)");
                    // U(-b, b) has standard deviation b / sqrt(3); 144 to 18,432 draws
                    assertEquals(bound / Math.sqrt(3), std(v), 0.12 * bound / Math.sqrt(3), p.getKey());
                    convs++;
                }
                case BIAS -> {
                    assertEquals(new Shape(10), s);
                    assertTrue(maxAbs(v) <= 1 / Math.sqrt(64), p.getKey() + " within +-1/sqrt(64)");
                    assertTrue(std(v) > 0, p.getKey() + " drawn, not zero");
                }
                case GAMMA, RUNNING_VAR -> {
                    for (float x : v) {
                        assertEquals(1f, x, p.getKey());
                    }
                }
                case BETA, RUNNING_MEAN -> {
                    for (float x : v) {
                        assertEquals(0f, x, p.getKey());
                    }
                }
                default -> throw new AssertionError(p.getKey() + " " + q.getType());
            }
        }
        assertEquals(4, convs, "three convolutions and the linear layer");
    }

    @Test
    void resnetsHaveTorchvisionsShapesAndInitialisation() {
        assertEquals(21_797_672L - 513_000 + 5_130 - 64 * 2 * 49, trainable(init("resnet34", 32)));
        List<Pair<String, Parameter>> params = init("resnet18", 32);
        assertEquals(11_689_512L - 513_000 + 5_130 - 64 * 2 * 49, trainable(params));
        int convs = 0;
        for (Pair<String, Parameter> p : params) {
            Parameter q = p.getValue();
            Shape s = q.getArray().getShape();
            if (q.getType() == Parameter.Type.WEIGHT && s.dimension() == 4) {
                float[] v = q.getArray().toFloatArray();
                double std = Math.sqrt(2.0 / (s.size() / s.get(1)));
                assertEquals(std, std(v), (v.length >= 30_000 ? 0.03 : 0.12) * std, p.getKey() + " N(0, sqrt(2/fan_out))");
                convs++;
            } else if (q.getType() == Parameter.Type.WEIGHT) {
                assertEquals(new Shape(10, 512), s);
                assertTrue(maxAbs(q.getArray().toFloatArray()) <= 1 / Math.sqrt(512), p.getKey());
            }
        }
        assertEquals(20, convs, "stem, 16 in basic blocks, 3 projections");
    }
}
