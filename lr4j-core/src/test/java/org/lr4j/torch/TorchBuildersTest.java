package org.lr4j.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.group.ParamGroups;
import org.lr4j.golden.Golden;

/**
 * The Javadoc examples of org.lr4j.torch, built with the Java builders and compared with the numbers
 * PyTorch 1.13 gives for them ({@code tools/torch-examples/examples.py} recorded them in
 * {@code examples.json}); plus the literal numbers the Javadoc quotes, and PyTorch's refusals.
 */
class TorchBuildersTest {
    private static Map<String, Map<String, List<Object>>> examples;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        examples = new ObjectMapper().readValue(Path.of("../tools/torch-examples/examples.json").toFile(), Map.class);
    }

    /** lr after construction, then after each of {@code steps} steps. */
    private static List<Double> run(TorchScheduler s, int steps, double... metrics) {
        List<Double> out = new ArrayList<>();
        out.add(s.groups().lr(0));
        for (int i = 0; i < steps; i++) {
            if (metrics.length > 0) {
                s.step(metrics[i]);
            } else {
                s.step();
            }
            out.add(s.groups().lr(0));
        }
        return out;
    }

    private static List<Double> assertPyTorch(String name, Function<ParamGroups, TorchScheduler> make, ParamGroups groups,
            double... metrics) {
        List<Object> expected = examples.get(name).get("lrs");
        TorchScheduler s = make.apply(groups);
        List<Double> got = run(s, expected.size() - 1, metrics);
        double scale = 0;
        for (Object o : expected) {
            scale = Math.max(scale, Math.abs(((Number) o).doubleValue()));
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = ((Number) expected.get(i)).doubleValue();
            int at = i;
            assertTrue(Golden.matches(got.get(i), e, scale), () -> name + " at " + at + ": PyTorch " + e + ", lr4j "
                    + got.get(at));
        }
        return got;
    }

    @Test
    void stepLR() {
        List<Double> lrs = assertPyTorch("StepLR", g -> StepLR.builder(g, 30).gamma(0.1).build(), ParamGroupList.of(0.05));
        assertEquals(0.05, lrs.get(29));
        assertEquals(0.005000000000000001, lrs.get(30));
    }

    @Test
    void multiStepLR() {
        List<Double> lrs = assertPyTorch("MultiStepLR", g -> MultiStepLR.builder(g, List.of(3L, 3L, 6L)).gamma(0.1).build(),
                ParamGroupList.of(1.0));
        assertEquals(List.of(1.0, 1.0, 1.0, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002,
                0.0010000000000000002, 0.0010000000000000002), lrs);
    }

    @Test
    void constantLR() {
        List<Double> lrs = assertPyTorch("ConstantLR", g -> ConstantLR.builder(g).factor(0.5).totalIters(4).build(),
                ParamGroupList.of(0.05));
        assertEquals(List.of(0.025, 0.025, 0.025, 0.025, 0.05, 0.05), lrs);
    }

    @Test
    void linearLR() {
        List<Double> lrs = assertPyTorch("LinearLR", g -> LinearLR.builder(g).startFactor(0.5).totalIters(4).build(),
                ParamGroupList.of(0.05));
        assertEquals(List.of(0.025, 0.03125, 0.0375, 0.043750000000000004, 0.05, 0.05), lrs);
    }

    @Test
    void exponentialLR() {
        List<Double> lrs = assertPyTorch("ExponentialLR", g -> ExponentialLR.of(g, 0.9), ParamGroupList.of(1.0));
        assertEquals(List.of(1.0, 0.9, 0.81, 0.7290000000000001), lrs);
    }

    @Test
    void polynomialLR() {
        List<Double> lrs = assertPyTorch("PolynomialLR", g -> PolynomialLR.builder(g).totalIters(4).power(1.0).build(),
                ParamGroupList.of(0.001));
        assertEquals(List.of(0.001, 0.00075, 0.0005, 0.00025, 0.0, 0.0), lrs);
    }

    @Test
    void cosineAnnealingLR() {
        List<Double> lrs = assertPyTorch("CosineAnnealingLR", g -> CosineAnnealingLR.builder(g, 10).etaMin(0.001).build(),
                ParamGroupList.of(0.1));
        assertEquals(0.1, lrs.get(0));
        assertEquals(0.09757729755661011, lrs.get(1));
    }

    @Test
    void cosineAnnealingWarmRestarts() {
        List<Double> lrs = assertPyTorch("CosineAnnealingWarmRestarts",
                g -> CosineAnnealingWarmRestarts.builder(g, 5).tMult(2).etaMin(1e-4).build(), ParamGroupList.of(0.1));
        assertEquals(0.1, lrs.get(0));
        assertEquals(0.1, lrs.get(5));
        assertEquals(0.1, lrs.get(15));
    }

    @Test
    void cyclicLRWithMomentum() {
        ParamGroupList groups = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
        List<Double> lrs = assertPyTorch("CyclicLR",
                g -> CyclicLR.builder(g, 0.001, 0.1).stepSizeUp(5).mode(CyclicLR.Mode.TRIANGULAR2).build(), groups);
        assertEquals(0.001, lrs.get(0));
        assertEquals(0.1, lrs.get(5));
        assertEquals(0.0505, lrs.get(15));
        assertEquals(((Number) examples.get("CyclicLR").get("momentums").get(15)).doubleValue(), groups.momentum(0), 1e-15);
    }

    @Test
    void oneCycleLRRaisesPastTotalSteps() {
        ParamGroupList groups = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
        OneCycleLR s = OneCycleLR.builder(groups, 0.1).totalSteps(100).build();
        assertEquals(0.0040000000000000036, groups.lr(0));
        assertEquals(0.95, groups.momentum(0));
        List<Double> lrs = run(s, 99);
        assertEquals(0.1, lrs.get(29));
        assertEquals(4e-07, lrs.get(99));
        s.step(); // step total_steps: still answers, as PyTorch does
        double last = groups.lr(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
        assertTrue(e.getMessage().contains("Tried to step 102 times. The specified number of total steps is 100"),
                e.getMessage());
        assertEquals(last, groups.lr(0), "a refused step leaves the groups as they were");
        assertPyTorch("OneCycleLR", g -> OneCycleLR.builder(g, 0.1).totalSteps(100).build(),
                ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9)));
    }

    @Test
    void reduceLROnPlateau() {
        List<Double> lrs = assertPyTorch("ReduceLROnPlateau", g -> ReduceLROnPlateau.builder(g).patience(0).build(),
                ParamGroupList.of(0.1), 1.0, 1.0);
        assertEquals(List.of(0.1, 0.1, 0.010000000000000002), lrs);
        ReduceLROnPlateau p = ReduceLROnPlateau.builder(ParamGroupList.of(0.1)).build();
        assertThrows(IllegalStateException.class, p::step);
    }

    @Test
    void sequentialLRStepsZeroAtTheMilestone() {
        List<Double> lrs = assertPyTorch("SequentialLR", g -> SequentialLR.of(g, List.of(
                ConstantLR.builder(g).factor(0.1).totalIters(2).build(), ExponentialLR.of(g, 0.9)), List.of(2L)),
                ParamGroupList.of(1.0));
        assertEquals(List.of(0.1, 0.1, 1.0, 0.9, 0.81), lrs);
    }

    @Test
    void chainedScheduler() {
        List<Double> lrs = assertPyTorch("ChainedScheduler", g -> ChainedScheduler.of(List.of(
                ConstantLR.builder(g).factor(0.1).totalIters(2).build(), ExponentialLR.of(g, 0.9))),
                ParamGroupList.of(1.0));
        assertEquals(List.of(0.1, 0.09000000000000001, 0.8100000000000002, 0.7290000000000002), lrs);
    }

    @Test
    void refusalsNameTheParameterTheRuleAndTheValue() {
        ParamGroupList g = ParamGroupList.of(0.1);
        assertMessage("factor must be in [0, 1]", "1.5", () -> ConstantLR.builder(g).factor(1.5).build());
        assertMessage("start_factor must be in [0, 1]", "-0.1", () -> LinearLR.builder(g).startFactor(-0.1).build());
        assertMessage("end_factor must be in [0, 1]", "2.0", () -> LinearLR.builder(g).endFactor(2).build());
        assertMessage("T_0 must be a positive integer", "0", () -> CosineAnnealingWarmRestarts.builder(g, 0).build());
        assertMessage("T_mult must be an integer >= 1", "0",
                () -> CosineAnnealingWarmRestarts.builder(g, 3).tMult(0).build());
        assertMessage("total_steps must be given", "none", () -> OneCycleLR.builder(g, 0.1).cycleMomentum(false).build());
        assertMessage("total_steps must be a positive integer", "0",
                () -> OneCycleLR.builder(g, 0.1).totalSteps(0).cycleMomentum(false).build());
        assertMessage("pct_start must be a float between 0 and 1", "1.5",
                () -> OneCycleLR.builder(g, 0.1).totalSteps(10).pctStart(1.5).cycleMomentum(false).build());
        assertMessage("anneal_strategy must be 'cos' or 'linear'", "exp",
                () -> OneCycleLR.builder(g, 0.1).totalSteps(10).annealStrategy("exp").cycleMomentum(false).build());
        assertMessage("cycle_momentum must be False", "True", () -> OneCycleLR.builder(g, 0.1).totalSteps(10).build());
        assertMessage("cycle_momentum must be False", "True", () -> CyclicLR.builder(g, 0.01, 0.1).build());
        assertMessage("max_lr must be one value or one per group", "2",
                () -> OneCycleLR.builder(g, 0.1, 0.2).totalSteps(10).cycleMomentum(false).build());
        assertMessage("factor must be < 1.0", "1.0", () -> ReduceLROnPlateau.builder(g).factor(1.0).build());
        assertMessage("mode must be min or max", "up", () -> ReduceLROnPlateau.builder(g).mode("up").build());
        assertMessage("threshold_mode must be rel or abs", "x", () -> ReduceLROnPlateau.builder(g).thresholdMode("x").build());
        assertMessage("min_lr must be one value or one per group", "2",
                () -> ReduceLROnPlateau.builder(g).minLr(0, 0).build());
        assertMessage("milestones must be one fewer than the schedulers", "2",
                () -> SequentialLR.of(g, List.of(ExponentialLR.of(g, 0.9)), List.of(1L, 2L)));
        ParamGroupList other = ParamGroupList.of(0.1);
        assertMessage("schedulers[1] must be built on the groups", "other groups",
                () -> SequentialLR.of(g, List.of(ExponentialLR.of(g, 0.9), ExponentialLR.of(other, 0.9)), List.of(1L)));
        assertMessage("schedulers[0] must be a scheduler SequentialLR can step", "ReduceLROnPlateau",
                () -> SequentialLR.of(g, List.of(ReduceLROnPlateau.builder(g).build()), List.of()));
        assertMessage("step_size_up + step_size_down must not be 0", "0.0",
                () -> CyclicLR.builder(g, 0.01, 0.1).stepSizeUp(0).cycleMomentum(false).build());
        assertMessage("OneCycleLR fails at its initial step", "division by zero",
                () -> OneCycleLR.builder(g, 0.1).totalSteps(10).pctStart(0.1).cycleMomentum(false).build());
    }

    @Test
    void stepErrorsWherePyTorchRaises() {
        StepLR s = StepLR.builder(ParamGroupList.of(0.1), 0).build();
        assertThrows(IllegalStateException.class, s::step);
        ConstantLR c = ConstantLR.builder(ParamGroupList.of(0.1)).factor(0).totalIters(2).build();
        c.step();
        assertThrows(IllegalStateException.class, c::step);
        LinearLR l = LinearLR.builder(ParamGroupList.of(0.1)).startFactor(0).build();
        assertThrows(IllegalStateException.class, l::step);
    }

    private static void assertMessage(String start, String value, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().startsWith(start), x.getMessage());
        assertTrue(x.getMessage().contains(value), x.getMessage());
    }
}
