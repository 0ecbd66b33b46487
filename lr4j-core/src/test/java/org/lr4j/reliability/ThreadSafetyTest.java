package org.lr4j.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.noise.Noise;
import org.lr4j.noise.NoiseRange;
import org.lr4j.noise.NoiseType;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.schedule.Schedule;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.schedule.TanhLRScheduler;
import org.lr4j.state.SchedulerState;

/**
 * What the Javadoc of {@code LRScheduler} and {@code AbstractLRScheduler} promises: schedules are
 * immutable and safe to share; {@code lrAt} and {@code values} may run from many threads at once, also
 * while another thread steps or restores the scheduler, and give what sequential calls give.
 */
class ThreadSafetyTest {
    private static final int THREADS = 4;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    private static List<TimeScheduler> schedulers() {
        return List.of(
                TanhLRScheduler.builder(ParamGroupList.of(0.1, 0.02), 50).cycleMul(1.5).cycleLimit(40).cycleDecay(0.7)
                        .warmupT(5).warmupLrInit(1e-4).noiseRangeT(10).build(),
                CosineLRScheduler.builder(ParamGroupList.of(0.3), 1000).tInEpochs(false).cycleMul(0.9).cycleLimit(1000)
                        .kDecay(1.7).noiseRangeT(0, 1e9).noisePct(0.2).build(),
                PolyLRScheduler.builder(ParamGroupList.of(0.05), 30).power(2.5).cycleLimit(3).warmupT(3)
                        .warmupPrefix(true).build(),
                StepLRScheduler.builder(ParamGroupList.of(0.1), 7.5).decayRate(0.5).noiseRangeT(3)
                        .noiseType(NoiseType.UNIFORM).build(),
                MultiStepLRScheduler.builder(ParamGroupList.of(0.1, 1.0), 10, 20, 40).decayRate(0.3).warmupT(2).build());
    }

    private static long[] ts() {
        long[] ts = new long[4000];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i % 2 == 0 ? i / 2 : (long) i * 1_000_003L * i;
        }
        return ts;
    }

    /** Runs {@code task} on every thread at once (released together) and returns their results. */
    private <T> List<T> onAllThreads(Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private static double[][] sequential(TimeScheduler s, long[] ts) {
        double[][] out = new double[ts.length][];
        for (int i = 0; i < ts.length; i++) {
            out[i] = s.values(ts[i], s.tInEpochs()).orElseThrow();
        }
        return out;
    }

    @Test
    void concurrentQueriesOnOneSchedulerGiveTheSequentialValues() throws Exception {
        long[] ts = ts();
        for (TimeScheduler s : schedulers()) {
            double[][] expected = sequential(s, ts);
            List<double[][]> results = onAllThreads(() -> {
                double[][] out = new double[ts.length][];
                for (int i = ts.length - 1; i >= 0; i--) { // another order than the sequential run
                    out[i] = s.lrAt(ts[i]);
                }
                return out;
            });
            for (double[][] r : results) {
                for (int i = 0; i < ts.length; i++) {
                    assertArrayEquals(expected[i], r[i], s.name() + " at t=" + ts[i]);
                }
            }
        }
    }

    @Test
    void aSharedScheduleAndNoiseGiveTheSameValuesOnEveryThread() throws Exception {
        long[] ts = ts();
        Schedule schedule = TanhLRScheduler.builder(ParamGroupList.of(0.1), 20).cycleMul(2).cycleLimit(30).build()
                .schedule();
        Noise noise = Noise.of(NoiseRange.from(0), NoiseType.NORMAL, 0.05, 1.0, 7);
        double[] expected = new double[ts.length];
        double[] expectedNoise = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            expected[i] = schedule.value(ts[i], 0.1);
            expectedNoise[i] = noise.sample(ts[i]);
        }
        List<double[][]> results = onAllThreads(() -> {
            double[][] out = new double[2][ts.length];
            for (int i = 0; i < ts.length; i++) {
                out[0][i] = schedule.value(ts[i], 0.1);
                out[1][i] = noise.sample(ts[i]);
            }
            return out;
        });
        for (double[][] r : results) {
            assertArrayEquals(expected, r[0]);
            assertArrayEquals(expectedNoise, r[1]);
        }
    }

    @Test
    void queriesWhileAnotherThreadStepsAndRestoresSeeTheValuesOfEitherState() throws Exception {
        long[] ts = ts();
        TimeScheduler s = TanhLRScheduler.builder(ParamGroupList.of(0.1, 0.2), 50).cycleLimit(10).build();
        SchedulerState original = s.state();
        SchedulerState doubled = new SchedulerState("tanh", List.of(0.2, 0.4), original.lrs(), null);
        double[][] before = sequential(s, ts);
        s.restore(doubled);
        double[][] after = sequential(s, ts);
        s.restore(original);
        AtomicBoolean done = new AtomicBoolean();
        Future<?> driver = pool.submit(() -> {
            long t = 0;
            while (!done.get()) {
                s.step(t++ % 700);
                s.restore(t % 2 == 0 ? doubled : original);
            }
            return null;
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> readers = new ArrayList<>();
        for (int k = 0; k < THREADS - 1; k++) {
            readers.add(pool.submit(() -> {
                start.await();
                int mixed = 0;
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < ts.length; i++) {
                        double[] v = s.lrAt(ts[i]);
                        boolean isBefore = java.util.Arrays.equals(v, before[i]);
                        boolean isAfter = java.util.Arrays.equals(v, after[i]);
                        if (!isBefore && !isAfter) {
                            mixed++;
                        }
                    }
                }
                return mixed;
            }));
        }
        start.countDown();
        try {
            for (Future<Integer> r : readers) {
                assertEquals(0, r.get(60, TimeUnit.SECONDS), "a query saw base values of two states at once");
            }
        } finally {
            done.set(true);
        }
        driver.get(60, TimeUnit.SECONDS);
    }
}
