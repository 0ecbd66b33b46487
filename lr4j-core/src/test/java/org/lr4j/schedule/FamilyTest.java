package org.lr4j.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.noise.NoiseType;

/** The formulas and edges of cosine, poly, step, multistep and plateau, and their Javadoc examples. */
class FamilyTest {
    @Test
    void cosineJavadocAndKDecay() {
        CosineLRScheduler c = CosineLRScheduler.builder(ParamGroupList.of(0.1), 100).build();
        assertEquals(0.1, c.lrAt(0)[0]);
        assertEquals(0.05, c.lrAt(50)[0]);
        assertEquals(0.0, c.lrAt(100)[0]);
        CosineLRScheduler k = CosineLRScheduler.builder(ParamGroupList.of(0.1), 100).kDecay(2).lrMin(1e-3).build();
        double expected = 1e-3 + 0.5 * (0.1 - 1e-3) * (1 + Math.cos(Math.PI * Math.pow(30, 2) / Math.pow(100, 2)));
        assertEquals(expected, k.lrAt(30)[0], 1e-17);
        assertEquals("k_decay must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> CosineLRScheduler.builder(ParamGroupList.of(0.1), 10).kDecay(0).build()).getMessage());
    }

    @Test
    void cosineWarmupEndsAtBase() {
        CosineLRScheduler c = CosineLRScheduler.builder(ParamGroupList.of(0.1), 100).warmupT(4).warmupLrInit(0.02).build();
        assertEquals(0.02, c.lrAt(0)[0]);
        assertEquals(0.02 + 2 * ((0.1 - 0.02) / 4), c.lrAt(2)[0]);
        assertTrue(c.lrAt(4)[0] < 0.1, "no prefix: the schedule is not shifted, t=4 is already decaying");
    }

    @Test
    void polyJavadocAndPower() {
        PolyLRScheduler p = PolyLRScheduler.builder(ParamGroupList.of(0.1), 100).power(1).build();
        assertEquals(0.1, p.lrAt(0)[0]);
        assertEquals(0.07500000000000001, p.lrAt(25)[0]);
        assertEquals(0.0, p.lrAt(100)[0]);
        PolyLRScheduler half = PolyLRScheduler.builder(ParamGroupList.of(0.1), 100).build();
        assertEquals(0.1 * Math.sqrt(0.75), half.lrAt(25)[0], 1e-17);
        assertEquals("power must be >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> PolyLRScheduler.builder(ParamGroupList.of(0.1), 10).power(-1).build()).getMessage());
    }

    @Test
    void stepJavadocAndPythonFloorDivision() {
        StepLRScheduler s = StepLRScheduler.builder(ParamGroupList.of(0.1), 30).decayRate(0.1).build();
        assertEquals(0.1, s.lrAt(29)[0]);
        assertEquals(0.010000000000000002, s.lrAt(30)[0]);
        // Python: 1 // 0.1 == 9.0 (not floor(1 / 0.1) == 10)
        assertEquals(9.0, PyMath.floorDiv(1, 0.1));
        assertEquals(2.0, PyMath.floorDiv(5, 2.5));
        assertEquals(-1.0, PyMath.floorDiv(-1, 3));
        StepLRScheduler f = StepLRScheduler.builder(ParamGroupList.of(1.0), 0.1).decayRate(0.5).build();
        assertEquals(Math.pow(0.5, 9), f.lrAt(1)[0]);
        assertEquals("decay_t must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> StepLRScheduler.builder(ParamGroupList.of(0.1), 0).build()).getMessage());
    }

    @Test
    void stepWarmupPrefixDefaultsToTrue() {
        StepLRScheduler s = StepLRScheduler.builder(ParamGroupList.of(0.1), 10).decayRate(0.5).warmupT(3)
                .warmupLrInit(1e-5).build();
        assertEquals(0.1, s.lrAt(3)[0]);
        assertEquals(0.1, s.lrAt(12)[0], "prefix: decays at 3 + 10");
        assertEquals(0.05, s.lrAt(13)[0]);
    }

    @Test
    void multiStepDecaysOneStepBeforeEachMilestone() {
        MultiStepLRScheduler m = MultiStepLRScheduler.builder(ParamGroupList.of(0.1), 30, 60).decayRate(0.1).build();
        assertEquals(0.1, m.lrAt(28)[0]);
        assertEquals(0.010000000000000002, m.lrAt(29)[0]);
        assertEquals(0.1 * 0.1 * 0.1, m.lrAt(59)[0], 1e-18);
        assertEquals("decay_t must be sorted ascending, got [60.0, 30.0] (30.0 after 60.0)",
                assertThrows(IllegalArgumentException.class,
                        () -> MultiStepLRScheduler.builder(ParamGroupList.of(0.1), 60, 30).build()).getMessage());
    }

    @Test
    void plateauJavadocExample() {
        ParamGroupList g = ParamGroupList.of(0.1);
        PlateauLRScheduler p = PlateauLRScheduler.builder(g).patienceT(1).decayRate(0.5).build();
        p.step(1, 1.0);
        assertEquals(0.1, g.lr(0));
        p.step(2, 1.0);
        assertEquals(0.1, g.lr(0));
        p.step(3, 1.0);
        assertEquals(0.05, g.lr(0));
    }

    @Test
    void plateauRules() {
        ParamGroupList g = ParamGroupList.of(0.1);
        PlateauLRScheduler p = PlateauLRScheduler.builder(g).mode(PlateauLRScheduler.Mode.MIN).patienceT(0)
                .decayRate(0.5).cooldownT(1).lrMin(0.03).threshold(0.1).build();
        p.step(1, 1.0);             // better than +inf
        assertEquals(0.1, g.lr(0));
        p.step(2, 0.95);            // not better by 10 %: bad 1 > patience 0 -> decay, cooldown 1
        assertEquals(0.05, g.lr(0));
        p.step(3, 2.0);             // in cooldown: bad cleared
        assertEquals(0.05, g.lr(0));
        p.step(4, Double.NaN);      // NaN is never better -> decay to the floor
        assertEquals(0.03, g.lr(0));
        p.step(5, 9.0);
        p.step(6, 9.0);
        assertEquals(0.03, g.lr(0), "at lr_min the rate stays");
        p.stepUpdate(100, 0.0);
        assertEquals(0.03, g.lr(0), "stepUpdate does nothing");
        assertFalse(TimeScheduler.class.isInstance(p), "plateau has no value for a t on its own");
    }

    @Test
    void plateauWarmupAndStepZeroQuirk() {
        ParamGroupList g = ParamGroupList.of(ParamGroup.of(0.1).lrScale(0.5));
        PlateauLRScheduler w = PlateauLRScheduler.builder(g).warmupT(4).warmupLrInit(0.02).build();
        assertEquals(0.01, g.lr(0), "construction writes warmup_lr_init, scaled");
        w.step(4);
        assertEquals(0.05, g.lr(0), 1e-17, "epoch <= warmup_t is still warmup: base, scaled");
        ParamGroupList q = ParamGroupList.of(0.1);
        PlateauLRScheduler z = PlateauLRScheduler.builder(q).build();
        z.step(0);
        assertEquals(0.0, q.lr(0), "step(0) with warmup_t = 0 writes warmup_lr_init (timm quirk)");
    }

    @Test
    void plateauNoiseIsRemovedBeforeTheNextDecision() {
        ParamGroupList g = ParamGroupList.of(0.1);
        PlateauLRScheduler p = PlateauLRScheduler.builder(g).patienceT(5).noiseRangeT(1).noiseType(NoiseType.UNIFORM)
                .noisePct(0.3).noiseSeed(9).build();
        p.step(1, 1.0);
        double noisy = g.lr(0);
        assertTrue(noisy != 0.1 && Math.abs(noisy - 0.1) <= 0.03 + 1e-15);
        assertEquals(0.1, p.state().plateau().restoreLrs().get(0));
        p.step(2, 2.0);
        assertEquals(0.1, p.state().plateau().restoreLrs().get(0), "noise applies to the restored rate");
        assertEquals("decay_rate must be < 1 for plateau, got 1.0", assertThrows(IllegalArgumentException.class,
                () -> PlateauLRScheduler.builder(ParamGroupList.of(0.1)).decayRate(1).build()).getMessage());
    }

    @Test
    void stateRestoresIntoAFreshScheduler() {
        ParamGroupList a = ParamGroupList.of(0.1, 0.2);
        PlateauLRScheduler p = PlateauLRScheduler.builder(a).patienceT(1).noiseRangeT(2).build();
        double[] metrics = {1, 1, 1, 2, 2, 2, 2, 0.5, 3, 3};
        for (int e = 1; e <= 5; e++) {
            p.step(e, metrics[e - 1]);
        }
        ParamGroupList b = ParamGroupList.of(0.1, 0.2);
        PlateauLRScheduler q = PlateauLRScheduler.builder(b).patienceT(1).noiseRangeT(2).build();
        q.restore(p.state());
        for (int e = 6; e <= 10; e++) {
            p.step(e, metrics[e - 1]);
            q.step(e, metrics[e - 1]);
            assertEquals(a.lr(0), b.lr(0));
            assertEquals(a.lr(1), b.lr(1));
        }
        assertEquals("state.scheduler must be tanh (the scheduler restored), got plateau",
                assertThrows(IllegalArgumentException.class,
                        () -> TanhLRScheduler.builder(ParamGroupList.of(0.1, 0.2), 5).build().restore(p.state())).getMessage());
    }
}
