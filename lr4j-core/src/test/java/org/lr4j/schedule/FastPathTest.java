package org.lr4j.schedule;

import org.lr4j.internal.FastMath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.state.SchedulerState;

/**
 * The speed-ups of the driver and the shapes keep the values: {@code 1 - tanh} rewritten, the shared
 * per-step factor, the remembered cycle and powers, the precomputed warmup steps, the skipped powers for
 * {@code k_decay = 1}.
 */
class FastPathTest {
    @Test
    void oneMinusTanhStaysWithinOneUlpOfTwoOfTheNativeFormula() {
        double worst = 0;
        for (int k = -400_000; k <= 400_000; k++) {
            double x = k * 1e-4;
            double diff = Math.abs(FastMath.oneMinusTanh(x) - (1 - StrictMath.tanh(x)));
            worst = Math.max(worst, diff);
        }
        assertTrue(worst <= Math.ulp(2.0), "worst difference " + worst);
        assertTrue(worst > 0, "the rewrite is not the same computation, some last bits differ");
    }

    @Test
    void tableExponentialStaysWithinTwoUlpOfStrictMath() {
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 2_000_000; i++) {
            double y = (random.nextDouble() * 2 - 1) * (i % 2 == 0 ? 30 : 700);
            double strict = StrictMath.exp(y);
            assertTrue(Math.abs(FastMath.exp(y) - strict) <= 2 * Math.ulp(strict), "y=" + y);
        }
        assertEquals(1.0, FastMath.exp(0.0));
        assertEquals(Math.E, FastMath.exp(1.0));
        assertEquals(StrictMath.exp(700), FastMath.exp(700), 2 * Math.ulp(StrictMath.exp(700)));
        assertEquals(StrictMath.exp(-700), FastMath.exp(-700), 2 * Math.ulp(StrictMath.exp(-700)));
        // outside |y| <= 700 it is StrictMath.exp itself
        for (double y : new double[] {700.5, 709.7, 710, -745, -746, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertEquals(StrictMath.exp(y), FastMath.exp(y), "y=" + y);
        }
    }

    @Test
    void oneMinusTanhExamplesAndLimits() {
        assertEquals(1.0, FastMath.oneMinusTanh(0.0));
        assertEquals(1.0, FastMath.oneMinusTanh(-0.0));
        assertEquals(1.9999983369439445, FastMath.oneMinusTanh(-7));
        assertEquals(1.9999983369439447, 1 - StrictMath.tanh(-7));
        assertEquals(0.0, FastMath.oneMinusTanh(1000));
        assertEquals(2.0, FastMath.oneMinusTanh(-1000));
        assertEquals(0.0, FastMath.oneMinusTanh(Double.POSITIVE_INFINITY));
        assertEquals(2.0, FastMath.oneMinusTanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(FastMath.oneMinusTanh(Double.NaN)));
        // where tanh(x) rounds to 1 the rewrite keeps the tail: 1 - tanh(20) = 2 e^-40 / (1 + e^-40)
        assertEquals(0.0, 1 - StrictMath.tanh(20));
        assertEquals(2 * StrictMath.exp(-40), FastMath.oneMinusTanh(20), 1e-30);
    }

    @Test
    void cosineAndPolyWithUnitKDecayFollowTheSpecFormula() {
        long tInitial = 977;
        CosineLRScheduler cos = CosineLRScheduler.builder(ParamGroupList.of(0.3), tInitial).lrMin(0.01).build();
        PolyLRScheduler poly = PolyLRScheduler.builder(ParamGroupList.of(0.3), tInitial).lrMin(0.01).power(0.7).build();
        for (long t = 0; t < tInitial; t++) {
            double k = 1.0;
            double expectedCos = 0.01 + 0.5 * (0.3 - 0.01)
                    * (1 + Math.cos(Math.PI * Math.pow(t, k) / Math.pow(tInitial, k)));
            double expectedPoly = 0.01 + (0.3 - 0.01) * Math.pow(1 - Math.pow(t, k) / Math.pow(tInitial, k), 0.7);
            assertEquals(expectedCos, cos.lrAt(t, 0), "cosine t=" + t);
            assertEquals(expectedPoly, poly.lrAt(t, 0), "poly t=" + t);
        }
    }

    @Test
    void cyclePositionWithoutDivisionIsExact() {
        java.util.Random random = new java.util.Random(9);
        for (long tInitial : new long[] {1, 3, 7, 40, 2866, 1_000_000, (1L << 31) + 11, (1L << 51) + 3, 1L << 52,
            Long.MAX_VALUE / 3}) {
            ParamGroupList groups = ParamGroupList.of(0.1);
            CosineLRScheduler s = CosineLRScheduler.builder(groups, tInitial).tInEpochs(false).lrMin(0.001)
                    .cycleLimit(Long.MAX_VALUE).build();
            List<Long> ts = new ArrayList<>();
            for (long m : new long[] {0, 1, 2, 1000, 1L << 20, (1L << 52) / tInitial, Long.MAX_VALUE / tInitial}) {
                for (long d = -2; d <= 2; d++) {
                    long t = m * tInitial + d;
                    if (t >= 0 && (m == 0 || t / m >= tInitial - 2)) {
                        ts.add(t);
                    }
                }
            }
            for (int k = 0; k < 2000; k++) {
                ts.add(random.nextLong() >>> (1 + random.nextInt(40)));
            }
            // t * (1 / 2866) rounds just below the exact quotient 120808669: the remainder corrects it
            ts.add(346235647752L);
            for (long t : ts) {
                long i = t / tInitial;
                if (i >= 1L << 52) {
                    continue; // the cycle index is a double in timm: past 2^53 it rounds, another matter
                }
                double tCurr = t - tInitial * i;
                double expected = 0.001 + 0.5 * (0.1 - 0.001) * (1 + Math.cos(Math.PI * tCurr / tInitial));
                assertEquals(expected, s.lrAt(t, 0), "t_initial " + tInitial + ", t " + t);
                s.stepUpdate(t);
                assertEquals(expected, groups.lr(0), "driver, t_initial " + tInitial + ", t " + t);
            }
        }
    }

    /** Builders over fresh groups (three groups, one with lr_scale) covering every branch of the fast path. */
    private static List<Function<ParamGroupList, AbstractTimeScheduler>> configurations() {
        List<Function<ParamGroupList, AbstractTimeScheduler>> out = new ArrayList<>();
        for (double mul : new double[] {1.0, 2.0, 0.5}) {
            for (double decay : new double[] {1.0, 0.5}) {
                for (long warmup : new long[] {0, 7}) {
                    for (boolean prefix : new boolean[] {false, true}) {
                        out.add(g -> TanhLRScheduler.builder(g, 40).tInEpochs(false).cycleMul(mul).cycleDecay(decay)
                                .cycleLimit(4).lrMin(0.001).warmupT(warmup).warmupLrInit(0.002).warmupPrefix(prefix)
                                .build());
                        out.add(g -> CosineLRScheduler.builder(g, 40).tInEpochs(false).cycleMul(mul).cycleDecay(decay)
                                .cycleLimit(4).kDecay(prefix ? 2.0 : 1.0).warmupT(warmup).warmupPrefix(prefix).build());
                        out.add(g -> PolyLRScheduler.builder(g, 40).tInEpochs(false).cycleMul(mul).cycleDecay(decay)
                                .cycleLimit(4).kDecay(prefix ? 1.0 : 0.5).warmupT(warmup).warmupPrefix(prefix).build());
                    }
                }
                out.add(g -> TanhLRScheduler.builder(g, 30).profile(Profile.TIMM_0_4).tInEpochs(false).tMul(mul)
                        .decayRate(decay).lrMin(0.003).build());
            }
        }
        // cycle_limit = 0 in the current profile: no cycle at all, lr_min everywhere
        out.add(g -> CosineLRScheduler.builder(g, 40).tInEpochs(false).cycleLimit(0).lrMin(0.004).build());
        out.add(g -> StepLRScheduler.builder(g, 13).decayRate(0.5).warmupT(5).tInEpochs(false).build());
        out.add(g -> MultiStepLRScheduler.builder(g, 30, 60).decayRate(0.1).tInEpochs(false).build());
        return out;
    }

    /** t in an order that moves forwards, crosses cycles, jumps back and far ahead. */
    private static long[] times() {
        List<Long> ts = new ArrayList<>();
        for (long t = 0; t < 200; t++) {
            ts.add(t);
        }
        for (long t : new long[] {39, 40, 41, 0, 119, 120, 5, 1_000_000, 3, 1L << 40, 79, 80, 81, 200, 199}) {
            ts.add(t);
        }
        long[] out = new long[ts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ts.get(i);
        }
        return out;
    }

    private static ParamGroupList threeGroups() {
        return ParamGroupList.of(ParamGroup.of(0.1), ParamGroup.of(0.05).lrScale(0.5), ParamGroup.of(0.02));
    }

    private static void assertStepEqualsPureValues(AbstractTimeScheduler s, ParamGroupList groups, String label) {
        double[] scale = {1.0, 0.5, 1.0};
        for (long t : times()) {
            s.stepUpdate(t);
            for (int g = 0; g < 3; g++) {
                double pure = s.lrAt(t, g);
                double expected = s.profile() == Profile.CURRENT && g == 1 ? pure * scale[g] : pure;
                assertEquals(expected, groups.lr(g), label + " t=" + t + " group " + g);
            }
        }
    }

    @Test
    void driverStepsWriteExactlyThePureValues() {
        int n = 0;
        for (Function<ParamGroupList, AbstractTimeScheduler> make : configurations()) {
            ParamGroupList groups = threeGroups();
            AbstractTimeScheduler s = make.apply(groups);
            assertStepEqualsPureValues(s, groups, "configuration " + n + " " + s);
            n++;
        }
        assertEquals(81, n);
    }

    @Test
    void driverStepsFollowRestoredBaseValues() {
        for (Function<ParamGroupList, AbstractTimeScheduler> make : configurations()) {
            ParamGroupList groups = threeGroups();
            AbstractTimeScheduler s = make.apply(groups);
            s.stepUpdate(50);
            SchedulerState state = s.state();
            List<Double> bases = List.of(0.4, 0.2, 0.8);
            s.restore(new SchedulerState(state.scheduler(), bases, state.lrs(), null));
            assertEquals(0.8, s.baseValues()[2]);
            assertStepEqualsPureValues(s, groups, "restored " + s);
        }
    }

    @Test
    void noisyDriverStepsAddTheSampleToThePureValues() {
        ParamGroupList groups = threeGroups();
        TanhLRScheduler s = TanhLRScheduler.builder(groups, 100).tInEpochs(false).noiseRangeT(10, 60).build();
        for (long t = 0; t < 120; t++) {
            s.stepUpdate(t);
            double v = s.lrAt(t, 2);
            double expected = s.noise().appliesAt(t) ? v + v * s.noise().sample(t) : v;
            assertEquals(expected, groups.lr(2), "t=" + t);
        }
    }
}
