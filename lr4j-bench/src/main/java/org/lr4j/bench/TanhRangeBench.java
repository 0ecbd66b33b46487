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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether the cost of {@link TanhBench#stepUpdate()} depends on {@code t} or on the cycle index: one
 * group, {@code t_initial = 1,000,000}, unlimited cycles ({@code cycle_limit = Long.MAX_VALUE}, so that
 * the value is computed at every {@code t} instead of being the constant after the last cycle),
 * {@code t} advancing from {@code tStart} (0, or 2^40: cycle 1,099,511 with {@code cycle_mul = 1}, cycle
 * 20 with {@code cycle_mul = 2}), with {@code cycle_decay} 1 (timm's default) or 0.5.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TanhRangeBench {
    @Param({"0", "1099511627776"})
    public long tStart;

    @Param({"1", "2"})
    public double cycleMul;

    @Param({"1", "0.5"})
    public double cycleDecay;

    private ParamGroupList list;
    private TanhLRScheduler scheduler;
    private Ticker ticker;

    @Setup
    public void setup() {
        list = ParamGroupList.of(0.1);
        scheduler = TanhLRScheduler.builder(list, TanhBench.T_INITIAL).tInEpochs(false)
                .cycleMul(cycleMul).cycleDecay(cycleDecay).cycleLimit(Long.MAX_VALUE).build();
        ticker = new Ticker(tStart, tStart + TanhBench.T_INITIAL);
    }

    /** One update step, no noise. */
    @Benchmark
    public double stepUpdate() {
        scheduler.stepUpdate(ticker.next());
        return list.lr(0);
    }
}
