package org.lr4j.bench;

import java.util.concurrent.TimeUnit;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.TanhLRScheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The headline figures of issue 6: one {@code stepUpdate(t)} of a one-group tanh scheduler in update
 * mode, {@code t_initial = 1,000,000}, {@code t} advancing by one on every call (and wrapping inside the
 * first cycle, so that every call evaluates {@code tanh}).
 *
 * <ul>
 *   <li>{@link #stepUpdate()}: no noise (target: 25 ns/op or less, 0 B/op);</li>
 *   <li>{@link #stepUpdateNoise()}: noise at every {@code t} ({@code noise_range_t = 0}, normal,
 *       {@code noise_pct = 0.67}): a freshly seeded MT19937 per call, as timm does (target: 1 us/op or
 *       less, 0 B/op).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TanhBench {
    static final long T_INITIAL = 1_000_000L;

    private ParamGroupList plainGroups;
    private ParamGroupList noisyGroups;
    private TanhLRScheduler plain;
    private TanhLRScheduler noisy;
    private Ticker plainT;
    private Ticker noisyT;

    @Setup
    public void setup() {
        plainGroups = ParamGroupList.of(0.1);
        plain = TanhLRScheduler.builder(plainGroups, T_INITIAL).tInEpochs(false).build();
        noisyGroups = ParamGroupList.of(0.1);
        noisy = TanhLRScheduler.builder(noisyGroups, T_INITIAL).tInEpochs(false).noiseRangeT(0).build();
        plainT = new Ticker(0, T_INITIAL);
        noisyT = new Ticker(0, T_INITIAL);
    }

    /** One update step without noise. */
    @Benchmark
    public double stepUpdate() {
        plain.stepUpdate(plainT.next());
        return plainGroups.lr(0);
    }

    /** One update step with noise on. */
    @Benchmark
    public double stepUpdateNoise() {
        noisy.stepUpdate(noisyT.next());
        return noisyGroups.lr(0);
    }
}
