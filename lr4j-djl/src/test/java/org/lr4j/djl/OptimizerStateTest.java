package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An optimizer's state taken after two updates, written, read and restored into a new optimizer over new
 * parameters of the same names (new DJL ids) continues bit for bit as the original over two more updates.
 */
class OptimizerStateTest {
    private static final String[] NAMES = {"v", "m"};
    private static final Shape[] SHAPES = {new Shape(3), new Shape(2, 2)};
    private static final float[] GV = {0.5f, -1.0f, 2.0f};
    private static final float[] GM = {1.0f, -0.5f, 0.25f, 3.0f};

    private static TwoParams params(float[] v, float[] m) {
        return new TwoParams(NAMES, SHAPES, new float[][] {v, m}, new float[][] {GV, GM});
    }

    private static GroupedOptimizer create(String opt, TwoParams p) {
        DjlParamGroups groups = DjlParamGroups.timm(p.params, 0.1, 0.05);
        groups.setLr(1, 0.02);
        return Optimizers.create(opt, groups, 0.9, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"})
    void aRestoredOptimizerContinuesBitForBit(String opt) throws IOException {
        try (TwoParams a = params(new float[] {1.0f, -2.0f, 0.5f}, new float[] {0.3f, -0.7f, 1.5f, 2.0f})) {
            GroupedOptimizer oa = create(opt, a);
            a.update(oa);
            a.update(oa);
            OptimizerState s = oa.state();
            assertEquals(opt, s.opt());
            assertEquals(Map.of("m", 2L, "v", 2L), s.updateCounts());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            s.write(bytes);
            OptimizerState read = OptimizerState.read(new ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(s, read);
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            read.write(again);
            assertArrayEquals(bytes.toByteArray(), again.toByteArray(), "equal states write equal bytes");

            try (TwoParams b = params(a.values(0), a.values(1)); TwoParams c = params(a.values(0), a.values(1))) {
                GroupedOptimizer ob = create(opt, b);
                ob.restore(read);
                assertEquals(s, ob.state(), "restored, not yet used");
                GroupedOptimizer fresh = create(opt, c);
                for (int i = 0; i < 2; i++) {
                    a.update(oa);
                    b.update(ob);
                    c.update(fresh);
                }
                assertArrayEquals(a.values(0), b.values(0), opt + " v");
                assertArrayEquals(a.values(1), b.values(1), opt + " m");
                assertEquals(oa.state(), ob.state());
                assertEquals(4L, ob.state().updateCounts().get("v"));
                if (opt.equals("adamw")) {
                    // AdamW's normalised step lr * m_hat / sqrt(v_hat) is the same on a constant gradient whatever
                    // the history, so the weights cannot tell; its step counts do
                    assertEquals(4f, ob.state().buffer("step").get("v").values()[0]);
                    assertEquals(2f, fresh.state().buffer("step").get("v").values()[0]);
                } else {
                    assertFalse(Arrays.equals(a.values(1), c.values(1)), opt + ": without the state the run drifts");
                }
            }
        }
    }

    @Test
    void theBuffersArePyTorchsNamesPerParameter() {
        try (TwoParams a = params(new float[] {1.0f, -2.0f, 0.5f}, new float[] {0.3f, -0.7f, 1.5f, 2.0f})) {
            GroupedOptimizer o = create("rmsprop", a);
            a.update(o);
            OptimizerState s = o.state();
            assertEquals(Set.of("momentum_buffer", "square_avg", "step"), s.bufferNames());
            assertArrayEquals(new long[] {1}, s.buffer("step").get("v").shape());
            // square_avg after one update of v (no weight decay in group no_decay): (1 - 0.9) * grad^2
            assertArrayEquals(new long[] {3}, s.buffer("square_avg").get("v").shape());
            assertArrayEquals(new long[] {2, 2}, s.buffer("momentum_buffer").get("m").shape());
            float[] sq = s.buffer("square_avg").get("v").values();
            assertEquals(0.025, sq[0], 1e-8);
            assertEquals(0.4, sq[2], 1e-7);
        }
    }

    @Test
    void aStateThatDoesNotFitIsRefusedAndChangesNothing() throws IOException {
        try (TwoParams a = params(new float[] {1.0f, -2.0f, 0.5f}, new float[] {0.3f, -0.7f, 1.5f, 2.0f})) {
            GroupedOptimizer o = create("sgd", a);
            a.update(o);
            OptimizerState before = o.state();
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> o.restore(new OptimizerState("rmsprop", Map.of(), Map.of())));
            assertEquals("optimizer state is of opt rmsprop, the optimizer is sgd", other.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> o.restore(new OptimizerState("sgd", Map.of("w", 1L), Map.of())));
            assertEquals("optimizer state names parameter w, which the model's groups do not hold", unknown.getMessage());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> o.restore(
                    new OptimizerState("sgd", Map.of("v", 1L), Map.of("momentum_buffer",
                            Map.of("m", new OptimizerState.Buffer(new long[] {4}, new float[4]))))));
            assertEquals("optimizer state momentum_buffer of parameter m has shape (4), the parameter (2, 2)", size.getMessage());
            assertEquals(before, o.state());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            before.write(bytes);
            byte[] all = bytes.toByteArray();
            IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                    () -> OptimizerState.read(new ByteArrayInputStream(Arrays.copyOf(all, all.length - 3))));
            assertEquals("optimizer state is cut short", cut.getMessage());
            byte[] longer = Arrays.copyOf(all, all.length + 1);
            IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                    () -> OptimizerState.read(new ByteArrayInputStream(longer)));
            assertEquals("optimizer state has bytes after its end", extra.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> OptimizerState.read(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})));
        }
    }
}
