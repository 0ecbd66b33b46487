package org.lr4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * Every code cell of the tanh tutorial (timm 0.4's API), translated line by line into Java with the
 * builder API and {@link Profile#TIMM_0_4}, and compared with its reference trace ({@code tutorial-*}
 * and the 0.4-profile extras {@code legacy-*} of {@code timm-curated.jsonl}) under the README's rule.
 * docs/tutorial.md shows the same code, cell by cell.
 *
 * <p>What is compared: the list the cell computes ({@code lr_per_epoch}, the trace's {@code values},
 * {@code None} where the mode differs), the optimizer's {@code lr} right after construction
 * ({@code initial_lrs}), and the {@code lr} after stepping the same scheduler at each epoch of the trace
 * ({@code lrs}, noise included).
 */
class TutorialCellsTest {
    /** The tutorial's optimizer: one parameter group, {@code lr = 1e-4}. */
    private ParamGroupList optimizer;

    @BeforeEach
    void createOptimizer() {
        optimizer = ParamGroupList.of(1e-4);
    }

    /** The tutorial's helper {@code get_lr_per_epoch(scheduler, num_epoch)}. */
    static List<Optional<double[]>> getLrPerEpoch(TimeScheduler scheduler, int numEpoch) {
        List<Optional<double[]>> lrPerEpoch = new ArrayList<>();
        for (int epoch = 0; epoch < numEpoch; epoch++) {
            lrPerEpoch.add(scheduler.epochValues(epoch));
        }
        return lrPerEpoch;
    }

    // t_mul

    @Test
    void tMul1() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .tMul(1.).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 3);
        assertMatchesReference("tutorial-t_mul-1", scheduler, lrPerEpoch);
    }

    @Test
    void tMul2() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .tMul(2.).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 3);
        assertMatchesReference("tutorial-t_mul-2", scheduler, lrPerEpoch);
        // the tutorial's point: with unlimited cycles (0.4), t_mul = 2 restarts at epoch 50, then runs 100
        assertEquals(lrPerEpoch.get(0).orElseThrow()[0], lrPerEpoch.get(50).orElseThrow()[0]);
    }

    // decay_rate

    @Test
    void decayRate1() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .decayRate(1.).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 2);
        assertMatchesReference("tutorial-decay_rate-1", scheduler, lrPerEpoch);
    }

    @Test
    void decayRateHalf() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .decayRate(0.5).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 2);
        assertMatchesReference("tutorial-decay_rate-0.5", scheduler, lrPerEpoch);
    }

    // warmup_t, warmup_lr_init: one cell, two schedulers on one chart

    @Test
    void warmupAndNoWarmup() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .warmupT(5).warmupLrInit(1e-5).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch);
        assertMatchesReference("tutorial-warmup", scheduler, lrPerEpoch);

        optimizer = ParamGroupList.of(1e-4); // each trace was recorded on a fresh optimizer
        scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4).build();
        lrPerEpoch = getLrPerEpoch(scheduler, numEpoch);
        assertMatchesReference("tutorial-no-warmup", scheduler, lrPerEpoch);
    }

    // warmup_prefix

    @Test
    void warmupPrefix() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .warmupT(5).warmupLrInit(1e-5).warmupPrefix(true).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch);
        assertMatchesReference("tutorial-warmup_prefix", scheduler, lrPerEpoch);
    }

    // cycle_limit

    @Test
    void cycleLimit1() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .cycleLimit(1).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 2);
        assertMatchesReference("tutorial-cycle_limit-1", scheduler, lrPerEpoch);
    }

    @Test
    void cycleLimit2() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .cycleLimit(2).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch * 2);
        assertMatchesReference("tutorial-cycle_limit-2", scheduler, lrPerEpoch);
    }

    // t_in_epochs

    @Test
    void tInEpochsFalse() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .tInEpochs(false).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, numEpoch);
        assertMatchesReference("tutorial-t_in_epochs-false", scheduler, lrPerEpoch);
        // the tutorial prints lr_per_epoch[:5]: [None, None, None, None, None]
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), lrPerEpoch.subList(0, 5));
    }

    // 0.4-profile extras: noise, and lr_min decaying with the cycles

    @Test
    void legacyNoise() {
        int numEpoch = 50;
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, numEpoch).profile(Profile.TIMM_0_4)
                .noiseRangeT(10).noisePct(0.3).lrMin(1e-6).decayRate(0.5).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, 120);
        assertMatchesReference("legacy-noise", scheduler, lrPerEpoch);
    }

    @Test
    void legacyLrMinDecay() {
        TimeScheduler scheduler = TanhLRScheduler.builder(optimizer, 20).profile(Profile.TIMM_0_4)
                .lrMin(1e-5).decayRate(0.5).cycleLimit(3).tMul(1.5).build();
        List<Optional<double[]>> lrPerEpoch = getLrPerEpoch(scheduler, 90);
        assertMatchesReference("legacy-lr_min-decay", scheduler, lrPerEpoch);
    }

    @Test
    void everyTutorialTraceHasACell() {
        long traces = Golden.load("timm-curated.jsonl").stream()
                .map(c -> (String) c.get("id"))
                .filter(id -> id.startsWith("tutorial-") || id.startsWith("legacy-"))
                .count();
        assertEquals(12, traces, "tutorial-* and legacy-* traces (one per scheduler of the cells above)");
    }

    /**
     * docs/tutorial.md shows this class's code: every code line of its cells (the Java blocks that call
     * getLrPerEpoch on a scheduler), comments aside, is a line of this file.
     */
    @Test
    void docsShowThisCode() throws java.io.IOException {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "tutorial.md");
        java.nio.file.Path self = java.nio.file.Path.of("src", "test", "java", "org", "lr4j", "golden",
                "TutorialCellsTest.java");
        java.util.Set<String> lines = new java.util.HashSet<>();
        for (String l : java.nio.file.Files.readAllLines(self)) {
            lines.add(l.strip());
        }
        String[] blocks = java.nio.file.Files.readString(doc).split("```");
        int cells = 0;
        for (int i = 1; i < blocks.length; i += 2) {
            if (!blocks[i].startsWith("java") || !blocks[i].contains("getLrPerEpoch(scheduler")) {
                continue;
            }
            cells++;
            for (String l : blocks[i].substring("java".length()).split("\n")) {
                String code = l.strip();
                if (!code.isEmpty() && !code.startsWith("//")) {
                    assertTrue(lines.contains(code), "docs/tutorial.md shows a line that TutorialCellsTest lacks: " + code);
                }
            }
        }
        assertEquals(11, cells, "cells in docs/tutorial.md");
    }

    // comparison with the trace

    private static Map<String, Object> reference(String id) {
        return Golden.load("timm-curated.jsonl").stream()
                .filter(c -> id.equals(c.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reference trace " + id));
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void assertMatchesReference(String id, TimeScheduler scheduler, List<Optional<double[]>> lrPerEpoch) {
        Map<String, Object> c = reference(id);
        assertEquals("0.4", c.get("timm"), id);
        assertEquals("step", c.get("drive"), id);
        double s = Golden.scale(c);

        // the cell's epochs are the trace's: 0, 1, ..., n - 1
        List<Object> ts = (List<Object>) c.get("t");
        assertEquals(ts.size(), lrPerEpoch.size(), id + ": number of epochs");
        for (int i = 0; i < ts.size(); i++) {
            assertEquals(i, ((Number) ts.get(i)).intValue(), id + ": t[" + i + "]");
        }

        // initial_lrs: the optimizer's lr right after construction (get_epoch_values writes nothing)
        String d0 = Golden.compare("initial_lrs", c.get("initial_lrs"), list(optimizer.lrs()), s, false);
        assertNull(d0, () -> id + ": " + d0);

        // values: what the cell computes, None (empty) where the mode differs
        List<Object> values = new ArrayList<>();
        for (Optional<double[]> v : lrPerEpoch) {
            values.add(v.map(TutorialCellsTest::list).orElse(null));
        }
        String d1 = Golden.compare("values", c.get("values"), values, s, false);
        assertNull(d1, () -> id + ": " + d1);

        // lrs: the same scheduler stepped at each epoch of the trace writes what the reference wrote
        List<Object> lrs = new ArrayList<>();
        for (Object t : ts) {
            scheduler.step(((Number) t).longValue());
            lrs.add(list(optimizer.lrs()));
        }
        String d2 = Golden.compare("lrs", c.get("lrs"), lrs, s, false);
        assertNull(d2, () -> id + ": " + d2);
    }
}
