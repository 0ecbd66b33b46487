package org.lr4j.bench;

import ai.djl.training.tracker.CosineTracker;
import java.util.concurrent.TimeUnit;
import org.lr4j.group.ParamGroupArray;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.CosineLRScheduler;
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
 * The baseline: DJL's {@code CosineTracker.getNewValue(numUpdate)} against lr4j's cosine at the same
 * settings, in the same run: base rate 0.1, final rate 0.001 ({@code lr_min}), 1,000,000 updates
 * ({@code max_updates} = {@code t_initial}), {@code t} advancing by one per call and wrapping at
 * 1,000,000.
 *
 * <p>DJL's tracker is pure Java (float arithmetic, one {@code Math.cos}); building and calling it loads
 * no engine. The fork still runs with {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} so
 * that nothing could reach the network.
 *
 * <ul>
 *   <li>{@link #djlGetNewValue()}: DJL, a pure function returning the value;</li>
 *   <li>{@link #lr4jLrAt()}: lr4j's pure value ({@code lrAt(t, 0)}), the like-for-like comparison;</li>
 *   <li>{@link #lr4jStepUpdate()}: lr4j's full driver step, which also writes the group (held in a
 *       {@link ParamGroupList});</li>
 *   <li>{@link #lr4jStepUpdateArray()}: the same with the group in a {@link ParamGroupArray}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
@State(Scope.Thread)
public class CosineBaselineBench {
    static final int UPDATES = 1_000_000;
    static final float BASE = 0.1f;
    static final float FINAL = 0.001f;

    private CosineTracker djl;
    private ParamGroupList list;
    private CosineLRScheduler lr4j;
    private ParamGroupArray array;
    private CosineLRScheduler lr4jArray;
    // every method advances its own counter with the same code (no Ticker object), so that the harness
    // costs the same on both sides of the comparison
    private int djlT;
    private long lrAtT;
    private long stepT;
    private long arrayT;

    @Setup
    public void setup() {
        djl = CosineTracker.builder().setBaseValue(BASE).optFinalValue(FINAL).setMaxUpdates(UPDATES).build();
        list = ParamGroupList.of(BASE);
        lr4j = CosineLRScheduler.builder(list, UPDATES).lrMin(FINAL).tInEpochs(false).build();
        array = ParamGroupArray.of(BASE);
        lr4jArray = CosineLRScheduler.builder(array, UPDATES).lrMin(FINAL).tInEpochs(false).build();
    }

    /** DJL: {@code CosineTracker.getNewValue(numUpdate)}. */
    @Benchmark
    public float djlGetNewValue() {
        int t = djlT;
        djlT = t + 1 == UPDATES ? 0 : t + 1;
        return djl.getNewValue(t);
    }

    /** lr4j: the pure value {@code lrAt(t, 0)}. */
    @Benchmark
    public double lr4jLrAt() {
        long t = lrAtT;
        lrAtT = t + 1 == UPDATES ? 0 : t + 1;
        return lr4j.lrAt(t, 0);
    }

    /** lr4j: the driver's {@code stepUpdate(t)}, writing the group. */
    @Benchmark
    public double lr4jStepUpdate() {
        long t = stepT;
        stepT = t + 1 == UPDATES ? 0 : t + 1;
        lr4j.stepUpdate(t);
        return list.lr(0);
    }

    /** lr4j: the driver's {@code stepUpdate(t)}, writing a group held in parallel arrays. */
    @Benchmark
    public double lr4jStepUpdateArray() {
        long t = arrayT;
        arrayT = t + 1 == UPDATES ? 0 : t + 1;
        lr4jArray.stepUpdate(t);
        return array.lr(0);
    }
}
