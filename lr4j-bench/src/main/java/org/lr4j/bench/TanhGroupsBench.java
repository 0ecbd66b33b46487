package org.lr4j.bench;

import java.util.concurrent.TimeUnit;
import org.lr4j.group.ParamGroupArray;
import org.lr4j.group.ParamGroupList;
import org.lr4j.group.ParamGroups;
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
 * {@link TanhBench#stepUpdate()} with 1, 8 and 64 parameter groups (each with its own base rate): what one
 * update step costs as the optimizer grows, with the groups in lr4j's {@link ParamGroupList} (a list of
 * {@code ParamGroup} objects) or in {@link ParamGroupArray} (parallel arrays).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TanhGroupsBench {
    @Param({"1", "8", "64"})
    public int groups;

    @Param({"list", "array"})
    public String impl;

    private ParamGroups list;
    private TanhLRScheduler scheduler;
    private Ticker ticker;

    @Setup
    public void setup() {
        double[] lrs = new double[groups];
        for (int g = 0; g < groups; g++) {
            lrs[g] = 0.1 / (g + 1);
        }
        list = impl.equals("array") ? ParamGroupArray.of(lrs) : ParamGroupList.of(lrs);
        scheduler = TanhLRScheduler.builder(list, TanhBench.T_INITIAL).tInEpochs(false).build();
        ticker = new Ticker(0, TanhBench.T_INITIAL);
    }

    /** One update step, no noise, every group written. */
    @Benchmark
    public double stepUpdate() {
        scheduler.stepUpdate(ticker.next());
        return list.lr(groups - 1);
    }
}
