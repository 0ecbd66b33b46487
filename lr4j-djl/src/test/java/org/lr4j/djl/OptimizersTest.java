package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer name against PyTorch's update rule, computed here in double precision: two updates
 * of a 1-D parameter (group no_decay, lr 0.1, no weight decay) and a 2-D one (group decay, lr 0.02,
 * weight decay 0.05).
 */
class OptimizersTest {
    private static final float[] V0 = {1.0f, -2.0f, 0.5f};
    private static final float[] GV = {0.5f, -1.0f, 2.0f};
    private static final float[] M0 = {0.3f, -0.7f, 1.5f, 2.0f};
    private static final float[] GM = {1.0f, -0.5f, 0.25f, 3.0f};
    private static final double LR_V = 0.1;
    private static final double LR_M = 0.02;
    private static final double WD = 0.05;
    private static final double MOMENTUM = 0.9;

    @BeforeAll
    static void offline() {
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "nesterov", "momentum", "adam", "adamw", "rmsprop", "adagrad"})
    void twoUpdatesFollowPyTorchsRulePerGroup(String opt) {
        try (TwoParams p = new TwoParams(new String[] {"v", "m"}, new Shape[] {new Shape(3), new Shape(2, 2)},
                new float[][] {V0, M0}, new float[][] {GV, GM})) {
            DjlParamGroups groups = DjlParamGroups.timm(p.params, LR_V, WD);
            groups.setLr(1, LR_M);
            Optimizer o = Optimizers.create(opt, groups, MOMENTUM, 0);
            Reference rv = new Reference(opt, V0, LR_V, 0);
            Reference rm = new Reference(opt, M0, LR_M, WD);
            for (int step = 1; step <= 2; step++) {
                p.update(o);
                rv.step(GV, step);
                rm.step(GM, step);
                assertClose(rv.w, p.values(0), opt + " v step " + step);
                assertClose(rm.w, p.values(1), opt + " m step " + step);
            }
        }
    }

    /**
     * With {@code withMomentum}, sgd reads the group's momentum at every update (a scheduler cycles it, as
     * PyTorch's OneCycleLR writes {@code group['momentum']}): Nesterov SGD with 0.95 then 0.85.
     */
    @Test
    void sgdReadsTheGroupsLiveMomentum() {
        try (TwoParams p = new TwoParams(new String[] {"v"}, new Shape[] {new Shape(3)}, new float[][] {V0},
                new float[][] {GV})) {
            DjlParamGroups groups = DjlParamGroups.timm(p.params, LR_V, 0).withMomentum(0.9);
            assertEquals(org.lr4j.group.MomentumKind.MOMENTUM, groups.momentumKind());
            Optimizer o = Optimizers.create("sgd", groups, 0.9, 0);
            double[] w = {V0[0], V0[1], V0[2]};
            double[] buf = new double[3];
            double[] momenta = {0.95, 0.85};
            for (int step = 0; step < 2; step++) {
                groups.setMomentum(0, momenta[step]);
                p.update(o);
                for (int i = 0; i < 3; i++) {
                    buf[i] = momenta[step] * buf[i] + GV[i];
                    w[i] -= LR_V * (GV[i] + momenta[step] * buf[i]);
                }
                assertClose(w, p.values(0), "sgd with live momentum, step " + step);
            }
        }
    }

    @Test
    void badNamesAndMomentaAreRefused() {
        try (TwoParams p = new TwoParams(new String[] {"v"}, new Shape[] {new Shape(3)}, new float[][] {V0},
                new float[][] {GV})) {
            DjlParamGroups groups = DjlParamGroups.timm(p.params, 0.1, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.create("lamb", groups, 0.9, 0));
            assertEquals("opt must be one of sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad, got lamb",
                    e.getMessage());
            IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.create("nesterov", groups, 0, 0));
            assertTrue(m.getMessage().startsWith("momentum must be > 0 for opt nesterov"), m.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Optimizers.create("momentum", groups, -0.1, 0));
            assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", groups, 0.9, -1));
        }
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    /** PyTorch's rules (torch.optim), as timm creates the optimizers, in double precision. */
    private static final class Reference {
        final String opt;
        final double[] w;
        final double lr;
        final double wd;
        final double[] a;
        final double[] b;

        Reference(String opt, float[] w0, double lr, double wd) {
            this.opt = opt;
            this.w = new double[w0.length];
            for (int i = 0; i < w0.length; i++) {
                w[i] = w0[i];
            }
            this.lr = lr;
            this.wd = wd;
            a = new double[w0.length];
            b = new double[w0.length];
        }

        void step(float[] grad, int t) {
            for (int i = 0; i < w.length; i++) {
                double g = grad[i];
                if (!opt.equals("adamw")) {
                    g += wd * w[i];
                }
                switch (opt) {
                    case "sgd", "nesterov" -> {
                        a[i] = MOMENTUM * a[i] + g;
                        w[i] -= lr * (g + MOMENTUM * a[i]);
                    }
                    case "momentum" -> {
                        a[i] = MOMENTUM * a[i] + g;
                        w[i] -= lr * a[i];
                    }
                    case "adam", "adamw" -> {
                        if (opt.equals("adamw")) {
                            w[i] *= 1 - lr * wd;
                        }
                        a[i] = 0.9 * a[i] + 0.1 * g;
                        b[i] = 0.999 * b[i] + 0.001 * g * g;
                        double mhat = a[i] / (1 - Math.pow(0.9, t));
                        double vhat = b[i] / (1 - Math.pow(0.999, t));
                        w[i] -= lr * mhat / (Math.sqrt(vhat) + 1e-8);
                    }
                    case "rmsprop" -> {
                        a[i] = 0.9 * a[i] + 0.1 * g * g;
                        b[i] = MOMENTUM * b[i] + g / (Math.sqrt(a[i]) + 1e-8);
                        w[i] -= lr * b[i];
                    }
                    case "adagrad" -> {
                        a[i] += g * g;
                        w[i] -= lr * g / (Math.sqrt(a[i]) + 1e-8);
                    }
                    default -> throw new AssertionError(opt);
                }
            }
        }
    }
}
