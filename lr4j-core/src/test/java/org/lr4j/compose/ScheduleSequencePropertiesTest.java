package org.lr4j.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lr4j.compose.ScheduleSequence.Start;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.group.ParamGroups;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.torch.CosineAnnealingLR;
import org.lr4j.torch.ExponentialLR;
import org.lr4j.torch.LinearLR;
import org.lr4j.torch.OneCycleLR;
import org.lr4j.torch.ReduceLROnPlateau;
import org.lr4j.torch.StepLR;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.torch.TorchState;
import org.lr4j.transformers.Transformers;
import org.lr4j.transformers.WarmupShape;

/** The properties ScheduleSequence's Javadoc promises: local time, continuity, exact state round trips, errors. */
class ScheduleSequencePropertiesTest {
    /**
     * A phase: its factory, and whether its first value is its base rate (the continuity promise).
     * {@code description} names it in failures.
     */
    record PhaseSpec(String description, Function<ParamGroups, TorchScheduler> factory, boolean startsAtBase, long length,
            Start start) {
        @Override
        public String toString() {
            return description + " x" + length + " " + start;
        }
    }

    @Provide
    Arbitrary<List<PhaseSpec>> sequences() {
        Arbitrary<PhaseSpec> phase = Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.doubles().between(0.1, 0.95), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 15), Arbitraries.of(Start.BASE, Start.CONTINUE)).as(
                        (kind, x, k, length, start) -> spec(kind, x, k, length, start));
        return phase.list().ofMinSize(1).ofMaxSize(4);
    }

    static PhaseSpec spec(int kind, double x, int k, int length, Start start) {
        return switch (kind) {
            case 0 -> new PhaseSpec("ExponentialLR(" + x + ")", g -> ExponentialLR.of(g, x), true, length, start);
            case 1 -> new PhaseSpec("StepLR(" + k + "," + x + ")", g -> StepLR.builder(g, k).gamma(x).build(), true, length,
                    start);
            case 2 -> new PhaseSpec("CosineAnnealingLR(" + k + ")", g -> CosineAnnealingLR.builder(g, k).build(), true,
                    length, start);
            case 3 -> new PhaseSpec("LinearLR(" + x + "," + k + ")",
                    g -> LinearLR.builder(g).startFactor(x).totalIters(k).build(), false, length, start);
            case 4 -> new PhaseSpec("ReduceLROnPlateau(" + x + "," + (k % 4) + ")",
                    g -> ReduceLROnPlateau.builder(g).factor(x).patience(k % 4).build(), true, length, start);
            case 5 -> new PhaseSpec("OneCycleLR(" + (length + k + 4) + ")",
                    g -> OneCycleLR.builder(g, 0.2).totalSteps(length + k + 4).build(), false, length, start);
            case 6 -> new PhaseSpec("get_wsd_schedule(" + k + ")", g -> Transformers.getWsdSchedule(g, k % 3, 4, null,
                    (long) k, WarmupShape.LINEAR, WarmupShape.ONE_MINUS_SQRT, 0.1, 0.5), k % 3 == 0, length, start);
            case 7 -> new PhaseSpec("timm step(" + k + "," + x + ")", g -> TimmPhase.of(
                    StepLRScheduler.builder(g, k).decayRate(x).build()), true, length, start);
            default -> new PhaseSpec("timm cosine(" + k + ")", g -> TimmPhase.of(
                    CosineLRScheduler.builder(g, k).warmupT(2).warmupLrInit(1e-4).build()), false, length, start);
        };
    }

    static ParamGroupList groups(double lr) {
        return ParamGroupList.of(ParamGroup.of(lr).momentum(0.9), ParamGroup.of(lr / 2).momentum(0.9));
    }

    static ScheduleSequence sequence(List<PhaseSpec> specs, ParamGroups g) {
        ScheduleSequence.Builder b = ScheduleSequence.builder(g);
        for (PhaseSpec p : specs) {
            b.then(p.start(), p.length(), p.factory());
        }
        return b.build();
    }

    static double metric(int n) {
        return 1.0 + ((n * 7919) % 5) * 0.1; // a metric that sometimes improves, sometimes not
    }

    static void step(TorchScheduler s, int n) {
        if (s.needsMetric()) {
            s.step(metric(n));
        } else {
            s.step();
        }
    }

    /** Runs {@code steps} steps and returns every group's lr at steps 0..steps. */
    static List<double[]> trace(TorchScheduler s, int from, int steps) {
        List<double[]> out = new ArrayList<>();
        out.add(s.groups().lrs());
        for (int i = 0; i < steps; i++) {
            step(s, from + i + 1);
            out.add(s.groups().lrs());
        }
        return out;
    }

    static int total(List<PhaseSpec> specs) {
        int t = 0;
        for (PhaseSpec p : specs) {
            t += (int) p.length();
        }
        return t;
    }

    @Property(tries = 200)
    void everyPhaseRunsInItsOwnLocalTime(@ForAll("sequences") List<PhaseSpec> specs) {
        ParamGroupList g = groups(0.1);
        ScheduleSequence s = sequence(specs, g);
        List<double[]> all = trace(s, 0, total(specs) - 1);
        int start = 0;
        for (int i = 0; i < specs.size(); i++) {
            PhaseSpec p = specs.get(i);
            double[] base = i == 0 || p.start() == Start.BASE ? new double[] {0.1, 0.05} : all.get(start - 1);
            ParamGroupList alone = ParamGroupList.of(ParamGroup.of(base[0]).momentum(0.9),
                    ParamGroup.of(base[1]).momentum(0.9));
            List<double[]> own = trace(p.factory().apply(alone), start, (int) p.length() - 1);
            for (int k = 0; k < p.length(); k++) {
                int at = start + k;
                assertArrayEquals(own.get(k), all.get(at), () -> specs + ": phase " + p + " at global step " + at);
            }
            start += (int) p.length();
        }
    }

    @Property(tries = 200)
    void aContinuingPhaseThatStartsAtItsBaseContinuesTheRate(@ForAll("sequences") List<PhaseSpec> specs) {
        ParamGroupList g = groups(0.1);
        List<double[]> all = trace(sequence(specs, g), 0, total(specs) - 1);
        int start = 0;
        for (int i = 0; i < specs.size(); i++) {
            PhaseSpec p = specs.get(i);
            if (i > 0 && p.start() == Start.CONTINUE && p.startsAtBase()) {
                assertArrayEquals(all.get(start - 1), all.get(start), () -> specs + ": phase " + p + " jumps");
            }
            start += (int) p.length();
        }
    }

    @Property(tries = 200)
    void aRestoredSequenceContinuesBitForBit(@ForAll("sequences") List<PhaseSpec> specs,
            @ForAll("fractions") double where) {
        int total = total(specs) + 3;
        int k = (int) Math.floor(where * total);
        ParamGroupList g = groups(0.1);
        ScheduleSequence s = sequence(specs, g);
        List<double[]> head = trace(s, 0, k);
        TorchState st = s.state();
        ParamGroupList fresh = groups(0.1);
        ScheduleSequence r = sequence(specs, fresh);
        r.restore(st);
        assertEquals(st, r.state(), () -> specs + " at " + k);
        assertArrayEquals(head.get(k), fresh.lrs());
        for (int i = k; i < total; i++) {
            boolean failed = false;
            try {
                step(s, i + 1);
            } catch (IllegalStateException e) {
                failed = true;
                assertThrows(IllegalStateException.class, () -> step(r, 0));
            }
            if (!failed) {
                step(r, i + 1);
            }
            int at = i;
            assertArrayEquals(g.lrs(), fresh.lrs(), () -> specs + ": restored at " + k + ", differs at " + at);
            assertEquals(g.momentum(0), fresh.momentum(0));
        }
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Test
    void aPhaseThatRaisesLeavesTheSequenceAsItWas() {
        ParamGroupList g = groups(0.1);
        ScheduleSequence s = ScheduleSequence.builder(g)
                .then(3, x -> ExponentialLR.of(x, 0.5))
                .then(100, x -> OneCycleLR.builder(x, 0.2).totalSteps(4).build())
                .build();
        for (int i = 0; i < 3 + 4; i++) {
            s.step();
        }
        TorchState before = s.state();
        double[] lrs = g.lrs();
        IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
        assertTrue(e.getMessage().contains("Tried to step 6 times"), e.getMessage());
        assertEquals(before, s.state());
        assertArrayEquals(lrs, g.lrs());
        assertThrows(IllegalStateException.class, s::step); // retried: the same refusal
    }

    @Test
    void aPlateauPhaseNeedsItsMetricAndAcceptsNoPlainStep() {
        ParamGroupList g = ParamGroupList.of(1.0);
        ScheduleSequence s = ScheduleSequence.builder(g)
                .then(2, x -> LinearLR.builder(x).startFactor(0.5).totalIters(2).build())
                .then(Start.CONTINUE, 10, x -> ReduceLROnPlateau.builder(x).patience(0).factor(0.5).build())
                .build();
        assertEquals(0.5, g.lr(0));
        s.step(); // 0.75
        s.step(); // enters the plateau phase: the rate stays
        assertEquals(0.75, g.lr(0));
        assertTrue(s.needsMetric());
        assertThrows(IllegalStateException.class, s::step);
        s.step(1.0); // first metric: the best so far
        s.step(1.0); // no improvement, patience 0: halve
        assertEquals(0.375, g.lr(0));
    }

    @Test
    void refusalsNameThePhase() {
        ParamGroupList g = ParamGroupList.of(1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleSequence.builder(g)
                .then(2, x -> ExponentialLR.of(x, 0.5))
                .then(2, x -> LinearLR.builder(x).startFactor(2).build())
                .build());
        assertTrue(e.getMessage().startsWith("phases[1] cannot be built: start_factor must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScheduleSequence.builder(g)
                .then(0, x -> ExponentialLR.of(x, 0.5)).build());
        assertEquals("phases[0].length must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScheduleSequence.builder(g).build());
        assertEquals("phases must hold at least one phase, got 0", e.getMessage());
    }
}
