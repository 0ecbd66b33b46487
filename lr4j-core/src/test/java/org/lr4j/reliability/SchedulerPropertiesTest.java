package org.lr4j.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.reliability.Specs.Spec;
import org.lr4j.schedule.Profile;
import org.lr4j.state.SchedulerState;

/**
 * Properties of every scheduler over randomly drawn valid configurations ({@link Specs}): finite values
 * within the bounds the configuration implies for every {@code t} in {@code [0, 2^62]}, values that do
 * not depend on the order of the calls, and a saved and restored scheduler that continues exactly as
 * the one it was saved from.
 */
class SchedulerPropertiesTest {
    @Provide
    Arbitrary<Spec> pure() {
        return Specs.pureSpec();
    }

    @Provide
    Arbitrary<Spec> any() {
        return Specs.anySpec();
    }

    @Provide
    Arbitrary<Spec> plateau() {
        return Specs.spec("plateau");
    }

    @Provide
    Arbitrary<List<Long>> ts() {
        return Specs.ts().list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Double>> metrics() {
        return Specs.metric().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Long>> epochs() {
        Arbitrary<List<Long>> trainLike = Arbitraries.integers().between(1, 60).map(n -> {
            List<Long> e = new ArrayList<>();
            for (long i = 1; i <= n; i++) {
                e.add(i);
            }
            return e;
        });
        return Arbitraries.oneOf(trainLike, ts());
    }

    private static Double lrScale(Spec spec, int g) {
        Object v = ((Map<?, ?>) spec.groups().get(g)).get("lr_scale");
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** {@code t} at and around cycle boundaries ({@code t_initial * (cycle_mul^i - 1) / (cycle_mul - 1)}). */
    static List<Long> cycleBoundaries(Spec spec, Random random, int count) {
        List<Long> out = new ArrayList<>();
        if (!List.of("tanh", "cosine", "poly").contains(spec.scheduler())) {
            return out;
        }
        Map<String, Object> k = spec.kwargs();
        double tInitial = Specs.num(k, "t_initial", 1);
        double mul = Specs.num(k, spec.profile() == Profile.TIMM_0_4 ? "t_mul" : "cycle_mul", 1);
        long shift = Boolean.TRUE.equals(k.get("warmup_prefix")) ? (long) Specs.num(k, "warmup_t", 0) : 0;
        // the last cycle index that starts below 2^62 (cycle_mul < 1: where the cycles run out)
        double last = mul == 1 ? 0x1.0p62 / tInitial
                : mul > 1 ? Math.log1p(0x1.0p62 / tInitial * (mul - 1)) / Math.log(mul)
                : 53 * Math.log(2) / -Math.log(mul);
        int maxCycle = (int) Math.min(100_000, Math.max(1, last));
        for (int n = 0; n < count; n++) {
            int i = n < 4 ? random.nextInt(8) : random.nextInt(maxCycle + 1);
            double b = mul == 1 ? tInitial * i : tInitial * (Math.pow(mul, i) - 1) / (mul - 1);
            if (b >= 0 && b + shift < 0x1.0p62) {
                for (long d = -1; d <= 1; d++) {
                    long t = (long) Math.floor(b) + shift + d;
                    if (t >= 0) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    @Property(tries = 400)
    void everyValueIsFiniteAndBetweenTheFloorAndThePeak(@ForAll("pure") Spec spec, @ForAll("ts") List<Long> ts,
            @ForAll Random random) {
        TimeScheduler s = spec.buildPure();
        double[] base = s.baseValues();
        List<Long> all = new ArrayList<>(ts);
        all.addAll(cycleBoundaries(spec, random, 16));
        all.add(0L);
        all.add(1L << 62);
        for (long t : all) {
            double[] v = s.lrAt(t);
            for (int g = 0; g < v.length; g++) {
                double[] b = Specs.pureBounds(spec, base[g]);
                double value = v[g];
                assertTrue(Specs.within(value, b), () -> "lrAt(" + t + ")[" + spec + "] = " + value + " outside "
                        + Arrays.toString(b));
            }
            Optional<double[]> epochValues = s.values(t, true);
            Optional<double[]> updateValues = s.values(t, false);
            assertEquals(spec.tInEpochs(), epochValues.isPresent());
            assertEquals(!spec.tInEpochs(), updateValues.isPresent());
            assertArrayEquals(v, epochValues.orElseGet(updateValues::get));
            s.step(t);
            s.stepUpdate(t);
            double[] lrs = s.groups().lrs();
            for (int g = 0; g < lrs.length; g++) {
                double[] b = Specs.writtenBounds(spec, base[g], lrScale(spec, g));
                double lr = lrs[g];
                assertTrue(Specs.within(lr, b), () -> "step(" + t + ") wrote " + lr + " outside " + Arrays.toString(b)
                        + " for " + spec);
            }
        }
    }

    @Provide
    Arbitrary<Spec> farCycles() {
        return Specs.farCycles();
    }

    /**
     * Far out in a long series of cycles with {@code cycle_mul != 1}, rounding puts {@code t_curr} just
     * outside its cycle at some boundaries, where timm's value is complex or overflows: lr4j's is still a
     * finite number between the floor and the peak.
     */
    @Property(tries = 150)
    void farOutInManyCyclesEveryValueIsStillFinite(@ForAll("farCycles") Spec spec, @ForAll Random random) {
        TimeScheduler s = spec.buildPure();
        double base = s.baseValues()[0];
        double[] b = Specs.pureBounds(spec, base);
        for (long t : cycleBoundaries(spec, random, 100)) {
            double value = s.lrAt(t)[0];
            assertTrue(Specs.within(value, b), () -> "lrAt(" + t + ") = " + value + " outside " + Arrays.toString(b)
                    + " for " + spec);
        }
    }

    @Property(tries = 200)
    void plateauRatesAreFiniteAndBetweenTheFloorAndThePeak(@ForAll("plateau") Spec spec,
            @ForAll("epochs") List<Long> epochs, @ForAll("metrics") List<Double> metrics) {
        LRScheduler s = spec.build();
        double[] base = s.baseValues();
        for (int i = 0; i < epochs.size(); i++) {
            long epoch = epochs.get(i);
            call(s, epoch, metrics.get(i % metrics.size()));
            double[] lrs = s.groups().lrs();
            for (int g = 0; g < lrs.length; g++) {
                double[] b = Specs.plateauBounds(spec, base[g], lrScale(spec, g));
                double lr = lrs[g];
                assertTrue(Specs.within(lr, b), () -> "step(" + epoch + ") wrote " + lr + " outside " + Arrays.toString(b)
                        + " for " + spec);
            }
        }
    }

    @Property(tries = 200)
    void valuesDoNotDependOnTheOrderOfTheCalls(@ForAll("pure") Spec spec, @ForAll("ts") List<Long> ts,
            @ForAll Random random) {
        TimeScheduler first = spec.buildPure();
        List<double[]> values = new ArrayList<>();
        List<double[]> written = new ArrayList<>();
        for (long t : ts) {
            values.add(first.lrAt(t));
            first.step(t);
            first.stepUpdate(t);
            written.add(first.groups().lrs());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        TimeScheduler second = spec.buildPure();
        for (int i : order) {
            long t = ts.get(i);
            second.lrAt(random.nextLong() >>> 2); // an unrelated query in between changes nothing
            second.step(t);
            second.stepUpdate(t);
            assertArrayEquals(written.get(i), second.groups().lrs(), () -> "step(" + t + ") for " + spec);
            assertArrayEquals(values.get(i), second.lrAt(t), () -> "lrAt(" + t + ") for " + spec);
            assertArrayEquals(values.get(i), first.lrAt(t), () -> "lrAt(" + t + ") again for " + spec);
        }
    }

    @Property(tries = 300)
    void aRestoredSchedulerContinuesIdentically(@ForAll("any") Spec spec, @ForAll("epochs") List<Long> ts,
            @ForAll("metrics") List<Double> metrics, @ForAll Random random) {
        int split = random.nextInt(ts.size() + 1);
        LRScheduler uninterrupted = spec.build();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            call(uninterrupted, ts.get(i), metrics.get(i % metrics.size()));
            expected.add(uninterrupted.groups().lrs());
        }
        LRScheduler before = spec.build();
        for (int i = 0; i < split; i++) {
            call(before, ts.get(i), metrics.get(i % metrics.size()));
        }
        SchedulerState state = before.state();
        LRScheduler after = spec.build();
        after.restore(state);
        assertEquals(state, after.state(), "restore then state gives the state back");
        assertArrayEquals(before.groups().lrs(), after.groups().lrs());
        for (int i = split; i < ts.size(); i++) {
            call(after, ts.get(i), metrics.get(i % metrics.size()));
            int at = i;
            assertArrayEquals(expected.get(i), after.groups().lrs(),
                    () -> "call " + at + " (t=" + ts.get(at) + ") after a restore at " + split + " for " + spec);
        }
    }

    /** {@code step(t, metric)} and {@code stepUpdate(t, metric)}; without the metric when it is null. */
    private static void call(LRScheduler s, long t, Double metric) {
        if (metric == null) {
            s.step(t);
            s.stepUpdate(t);
        } else {
            s.step(t, metric);
            s.stepUpdate(t, metric);
        }
    }
}
