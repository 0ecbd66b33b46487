package org.lr4j.bench;

import java.util.concurrent.TimeUnit;
import org.lr4j.group.ParamGroupList;
import org.lr4j.factory.TrainLoop;
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
 * Tabulating a 10,000,000-update schedule (target: 0.5 s or less): a one-group tanh scheduler in update
 * mode with {@code t_initial = 10,000,000}, every value written into a preallocated array.
 *
 * <ul>
 *   <li>{@link #tabulate()}: the pure values, {@code lrAt(t, 0)} for every {@code t};</li>
 *   <li>{@link #tabulateDriven()}: {@code stepUpdate(t)} then the group's {@code lr}, as a training loop
 *       would see them;</li>
 *   <li>{@link #tabulateTrainDrive()}: {@code TrainLoop.drive} (100 epochs of 100,000 updates), as the
 *       command line's {@code table} drives a scheduler, the rate before every update kept through its
 *       listener.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class TableBench {
    static final int UPDATES = 10_000_000;

    private ParamGroupList list;
    private TanhLRScheduler scheduler;
    private double[] table;

    @Setup
    public void setup() {
        list = ParamGroupList.of(0.1);
        scheduler = TanhLRScheduler.builder(list, UPDATES).tInEpochs(false).build();
        table = new double[UPDATES];
    }

    /** The 10M pure values. */
    @Benchmark
    public double[] tabulate() {
        double[] out = table;
        for (int t = 0; t < out.length; t++) {
            out[t] = scheduler.lrAt(t, 0);
        }
        return out;
    }

    /** The 10M values as train.py's loop drives the scheduler. */
    @Benchmark
    public double[] tabulateTrainDrive() {
        double[] out = table;
        TrainLoop.drive(scheduler, 0, 100, UPDATES / 100, null, new TrainLoop.Listener() {
            @Override
            public void epochStart(long epoch, double[] lrs) {
            }

            @Override
            public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                out[(int) numUpdates] = lrs[0];
            }
        });
        return out;
    }

    /** The 10M values through the driver. */
    @Benchmark
    public double[] tabulateDriven() {
        double[] out = table;
        for (int t = 0; t < out.length; t++) {
            scheduler.stepUpdate(t);
            out[t] = list.lr(0);
        }
        return out;
    }
}
