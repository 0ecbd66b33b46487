package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code --opt} against PyTorch: two updates of the tiny network of {@code tools/optimizer_steps.py}
 * ({@code y = W x + b}, {@code loss = sum((y - t)^2)}; {@code b} in timm's no-decay group, {@code W} with
 * weight decay 0.05; lr 0.1 then 0.05) equal the weights PyTorch 1.13 produced, recorded in
 * {@code tools/optimizer_steps.json}, within 1e-6 relative; and Adam/AdamW with {@code beta1} changed between
 * the updates (momentum cycling).
 */
class OptimizerParityTest {
    private static final Path DATA = Paths.get("..", "tools", "optimizer_steps.json");
    private static final double REL = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "nesterov", "momentum", "adam", "adamw", "rmsprop", "adagrad"})
    void twoUpdatesEqualPyTorchs(String opt) throws IOException {
        run(opt, "opts", false);
    }

    /**
     * Momentum cycling on Adam: {@code betas[0]} set to 0.95 before update 1 and 0.85 before update 2 (as
     * {@code OneCycleLR}/{@code CyclicLR} write it), read by the optimizer from its groups at every update and
     * used in the bias correction {@code 1 - beta1^step}, equals PyTorch's weights ({@code "beta1_steps"}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw"})
    void adamReadsBeta1ChangedBetweenUpdatesAsPyTorch(String opt) throws IOException {
        run(opt, "beta1_steps", true);
    }

    private static void run(String opt, String section, boolean cycledBeta1) throws IOException {
        JsonObject d = JsonParser.parseString(Files.readString(DATA)).getAsJsonObject();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray w = param(manager, floats(d.getAsJsonArray("W0")), new Shape(2, 2));
            NDArray b = param(manager, floats(d.getAsJsonArray("b0")), new Shape(2));
            NDArray x = manager.create(floats(d.getAsJsonArray("x")), new Shape(2, 1));
            NDArray t = manager.create(floats(d.getAsJsonArray("t")));
            ParameterList params = new ParameterList();
            params.add("fc_weight", parameter("fc_weight", w));
            params.add("fc_bias", parameter("fc_bias", b));
            JsonArray lrs = d.getAsJsonArray("lrs");
            DjlParamGroups groups = DjlParamGroups.timm(params, lrs.get(0).getAsDouble(),
                    d.get("weight_decay").getAsDouble());
            if (cycledBeta1) {
                groups.withBeta1(0.9);
            }
            Optimizer o = Optimizers.create(opt, groups, d.get("momentum").getAsDouble(), 0);
            JsonArray steps = d.getAsJsonObject(section).getAsJsonArray(opt);
            for (int s = 0; s < steps.size(); s++) {
                JsonObject expected = steps.get(s).getAsJsonObject();
                for (int g = 0; g < groups.size(); g++) {
                    groups.setLr(g, expected.get("lr").getAsDouble());
                    if (cycledBeta1) {
                        groups.setMomentum(g, expected.get("beta1").getAsDouble());
                    }
                }
                float loss;
                try (NDManager sub = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                        NDArray y = w.matMul(x).reshape(2).add(b);
                        NDArray l = y.sub(t).square().sum();
                        y.attach(sub);
                        l.attach(sub);
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    for (Parameter p : new Parameter[] {params.get(0).getValue(), params.get(1).getValue()}) {
                        NDArray grad = p.getArray().getGradient().duplicate();
                        grad.attach(sub);
                        o.update(p.getId(), p.getArray(), grad);
                    }
                }
                String what = opt + " update " + (s + 1);
                assertClose(expected.get("loss").getAsDouble(), loss, what + " loss");
                assertClose(floats(expected.getAsJsonArray("W")), w.toFloatArray(), what + " W");
                assertClose(floats(expected.getAsJsonArray("b")), b.toFloatArray(), what + " b");
            }
        }
    }

    private static NDArray param(NDManager manager, float[] values, Shape shape) {
        NDArray a = manager.create(values, shape);
        a.setRequiresGradient(true);
        return a;
    }

    private static Parameter parameter(String name, NDArray array) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(array);
        return p;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[0];
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isJsonArray()) {
                float[] row = floats(a.get(i).getAsJsonArray());
                float[] next = new float[out.length + row.length];
                System.arraycopy(out, 0, next, 0, out.length);
                System.arraycopy(row, 0, next, out.length, row.length);
                out = next;
            } else {
                float[] next = java.util.Arrays.copyOf(out, out.length + 1);
                next[out.length] = a.get(i).getAsFloat();
                out = next;
            }
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + " [" + i + "]");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected) + 1e-12, what);
    }
}
