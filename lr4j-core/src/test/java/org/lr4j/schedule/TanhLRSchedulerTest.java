package org.lr4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;

class TanhLRSchedulerTest {
    private static TanhLRScheduler tanh(long tInitial, Consumer<TanhLRScheduler.Builder> options) {
        TanhLRScheduler.Builder b = TanhLRScheduler.builder(ParamGroupList.of(0.1), tInitial);
        options.accept(b);
        return b.build();
    }

    @Test
    void javadocExample() {
        ParamGroupList groups = ParamGroupList.of(0.1);
        TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).build();
        // 0.5 * 0.1 * (1 - tanh(-7)); lr4j's 1 - tanh is 2 / (1 + exp(2x)), one ulp below timm's
        // 0.09999991684719724 here, as FastMath.oneMinusTanh documents
        assertEquals(0.09999991684719722, s.lrAt(0)[0]);
        assertEquals(0.050000000000000044, s.lrAt(35)[0]);
        assertEquals(0.0, s.lrAt(50)[0]);
        s.step(35);
        assertEquals(0.050000000000000044, groups.lr(0));
    }

    @Test
    void formulaAtAnyPoint() {
        TanhLRScheduler s = tanh(40, b -> b.lb(-3).ub(5).lrMin(1e-3));
        for (long t = 0; t < 40; t++) {
            double tr = t / 40.0;
            double expected = 1e-3 + 0.5 * (0.1 - 1e-3) * (1 - Math.tanh(-3 * (1 - tr) + 5 * tr));
            // 1 - tanh is computed as 2 / (1 + exp(2x)): within ulp(2) of the native formula, so within
            // 0.5 * (0.1 - 1e-3) * ulp(2) = 2.2e-17 before rounding of the result (ulp 1.4e-17 here)
            assertEquals(expected, s.lrAt(t)[0], 5e-17, "t=" + t);
        }
    }

    @Test
    void eachParameterIsValidated() {
        assertMessage("t_initial must be > 0, got 0", () -> tanh(0, b -> { }));
        assertMessage("lb must be < ub, got lb=3.0, ub=3.0", () -> tanh(10, b -> b.lb(3).ub(3)));
        assertMessage("lb must be a finite number, got NaN", () -> tanh(10, b -> b.lb(Double.NaN)));
        assertMessage("ub must be a finite number, got Infinity", () -> tanh(10, b -> b.ub(Double.POSITIVE_INFINITY)));
        assertMessage("lr_min must be >= 0, got -1.0", () -> tanh(10, b -> b.lrMin(-1)));
        assertMessage("cycle_mul must be > 0, got -1.0", () -> tanh(10, b -> b.cycleMul(-1)));
        assertMessage("cycle_mul must be > 0, got 0.0", () -> tanh(10, b -> b.cycleMul(0)));
        assertMessage("cycle_decay must be >= 0, got -0.5", () -> tanh(10, b -> b.cycleDecay(-0.5)));
        assertMessage("cycle_limit must be >= 0, got -1", () -> tanh(10, b -> b.cycleLimit(-1)));
        assertMessage("warmup_t must be >= 0, got -2", () -> tanh(10, b -> b.warmupT(-2)));
        assertMessage("warmup_lr_init must be a finite number, got NaN", () -> tanh(10, b -> b.warmupLrInit(Double.NaN)));
        assertMessage("noise_pct must be in [1.0E-4, 1.0] for normal noise, got 0.0", () -> tanh(10, b -> b.noiseRangeT(5).noisePct(0)));
        assertMessage("noise_range_t must be [start, end] with start <= end, got [9.0, 3.0]",
                () -> tanh(10, b -> b.noiseRangeT(9, 3)));
        assertMessage("param_groups[0].initial_lr must be given when initialize=false, got none",
                () -> TanhLRScheduler.builder(ParamGroupList.of(0.1), 10).initialize(false).build());
        assertMessage("param_groups[1].lr must be given, got none",
                () -> TanhLRScheduler.builder(ParamGroupList.of(ParamGroup.of(0.1), ParamGroup.empty()), 10).build());
        assertMessage("epoch must be >= 0, got -1", () -> tanh(10, b -> { }).step(-1));
        assertMessage("num_updates must be >= 0, got -5", () -> tanh(10, b -> b.tInEpochs(false)).stepUpdate(-5));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void warmupEdges() {
        TanhLRScheduler s = tanh(50, b -> b.warmupT(5).warmupLrInit(1e-5));
        TanhLRScheduler plain = tanh(50, b -> { });
        double target = plain.lrAt(5)[0];
        assertEquals(1e-5, s.lrAt(0)[0]);
        assertEquals(1e-5 + 4 * ((target - 1e-5) / 5), s.lrAt(4)[0]);
        assertEquals(target, s.lrAt(5)[0], "the warmup ends at the schedule's own value");
        assertEquals(plain.lrAt(20)[0], s.lrAt(20)[0], "without a prefix the schedule is not shifted");
        // construction writes warmup_lr_init
        ParamGroupList g = ParamGroupList.of(0.1);
        TanhLRScheduler.builder(g, 50).warmupT(5).warmupLrInit(1e-5).build();
        assertEquals(1e-5, g.lr(0));
        assertEquals(0.1, g.initialLr(0));
    }

    @Test
    void warmupPrefixShiftsTheScheduleAndTheCycleLength() {
        TanhLRScheduler s = tanh(50, b -> b.warmupT(5).warmupLrInit(1e-5).warmupPrefix(true));
        TanhLRScheduler plain = tanh(50, b -> { });
        assertEquals(1e-5 + 2 * ((0.1 - 1e-5) / 5), s.lrAt(2)[0], "with a prefix the warmup ends at base");
        for (long t = 5; t < 60; t++) {
            assertEquals(plain.lrAt(t - 5)[0], s.lrAt(t)[0]);
        }
        assertEquals(55, s.cycleLength());
        assertEquals(50, tanh(50, b -> b.warmupT(5).warmupPrefix(true).profile(Profile.TIMM_0_4)).cycleLength(),
                "timm 0.4 never adds warmup_t");
    }

    @Test
    void cycleBoundariesRestartAtThePeak() {
        TanhLRScheduler one = tanh(50, b -> b.cycleLimit(3).cycleDecay(0.5));
        assertEquals(one.lrAt(0)[0] * 0.5, one.lrAt(50)[0], 1e-18);
        assertEquals(one.lrAt(0)[0] * 0.25, one.lrAt(100)[0], 1e-18);
        assertEquals(0.0, one.lrAt(150)[0]);
        assertTrue(one.lrAt(49)[0] < one.lrAt(50)[0]);
        TanhLRScheduler two = tanh(50, b -> b.cycleMul(2).cycleLimit(3));
        // cycles of 50, 100, 200: restarts at 50 and 150, ends at 350
        assertEquals(two.lrAt(0)[0], two.lrAt(50)[0], 1e-18);
        assertEquals(two.lrAt(0)[0], two.lrAt(150)[0], 1e-18);
        assertEquals(0.0, two.lrAt(350)[0]);
        assertEquals(350, two.cycleLength());
        assertEquals(150, two.cycleLength(2));
    }

    @Test
    void shrinkingCyclesEndWhereTimmRaises() {
        // cycle_mul 0.5: the cycles sum to t_initial / (1 - 0.5) = 200; timm raises a math domain error there
        TanhLRScheduler s = tanh(100, b -> b.cycleMul(0.5).cycleLimit(1000).lrMin(1e-4));
        assertEquals(1e-4, s.lrAt(200)[0]);
        assertEquals(1e-4, s.lrAt(1L << 40)[0]);
        TanhLRScheduler legacy = tanh(100, b -> b.profile(Profile.TIMM_0_4).tMul(0.5).decayRate(0.5).cycleLimit(3).lrMin(1e-4));
        assertEquals(1e-4 * 0.125, legacy.lrAt(500)[0], 1e-20, "0.4: lr_min * decay_rate^cycle_limit");
    }

    @Test
    void hugeTimesStayFinite() {
        TanhLRScheduler s = tanh(1_000_000, b -> b.cycleLimit(Long.MAX_VALUE).cycleMul(1).tInEpochs(false));
        for (long t : new long[] {0, 1L << 31, 1L << 40, 1L << 53, 1L << 62, Long.MAX_VALUE}) {
            double v = s.lrAt(t)[0];
            assertTrue(Double.isFinite(v) && v >= 0 && v <= 0.1, "t=" + t + ": " + v);
        }
        TanhLRScheduler grow = tanh(10, b -> b.cycleMul(2).cycleLimit(Long.MAX_VALUE).cycleDecay(0.9));
        assertTrue(Double.isFinite(grow.lrAt(1L << 62)[0]));
    }

    @Test
    void modeDecidesWhichCallActs() {
        ParamGroupList g = ParamGroupList.of(0.1);
        TanhLRScheduler s = TanhLRScheduler.builder(g, 100).tInEpochs(false).build();
        s.step(70);
        assertEquals(0.1, g.lr(0), "step does nothing in update mode");
        s.stepUpdate(70);
        assertEquals(s.lrAt(70)[0], g.lr(0));
        assertTrue(s.epochValues(3).isEmpty(), "the tutorial prints None");
        assertArrayEquals(s.lrAt(3), s.updateValues(3).orElseThrow());
    }

    @Test
    void lrScaleIsAppliedOnWriteButNotIn04() {
        ParamGroupList g = ParamGroupList.of(ParamGroup.of(0.1), ParamGroup.of(0.1).lrScale(0.5));
        TanhLRScheduler s = TanhLRScheduler.builder(g, 50).build();
        s.step(10);
        assertEquals(g.lr(0) * 0.5, g.lr(1), 1e-18);
        ParamGroupList g4 = ParamGroupList.of(ParamGroup.of(0.1), ParamGroup.of(0.1).lrScale(0.5));
        TanhLRScheduler.builder(g4, 50).profile(Profile.TIMM_0_4).build().step(10);
        assertEquals(g4.lr(0), g4.lr(1));
    }

    @Test
    void legacyDefaultsAreTheTutorials() {
        TanhLRScheduler s = tanh(50, b -> b.profile(Profile.TIMM_0_4));
        assertEquals(-6.0, s.lb());
        assertEquals(4.0, s.ub());
        assertEquals(0, s.cycleLimit());
        assertEquals(s.lrAt(0)[0], s.lrAt(50)[0], "unlimited cycles: restarts at 50");
        TanhLRScheduler current = tanh(50, b -> { });
        assertEquals(-7.0, current.lb());
        assertEquals(3.0, current.ub());
        assertEquals(1, current.cycleLimit());
    }

    @Test
    void callsInAnyOrderGiveTheSameValues() {
        ParamGroupList g = ParamGroupList.of(0.1);
        TanhLRScheduler s = TanhLRScheduler.builder(g, 30).noiseRangeT(5).cycleLimit(3).build();
        s.step(17);
        double first = g.lr(0);
        s.step(3);
        s.step(80);
        s.step(17);
        assertEquals(first, g.lr(0));
    }
}
