package org.lr4j.bench;

import java.util.concurrent.TimeUnit;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PlateauLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.schedule.StepLRScheduler;
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
 * One step of every schedule of the family, one group, no noise, {@code t} advancing by one per call and
 * wrapping at 1,000,000:
 * <ul>
 *   <li>tanh, cosine, poly: {@code t_initial = 1,000,000}, update mode, {@code stepUpdate(t)};</li>
 *   <li>step: {@code decay_t = 30,000}, {@code decay_rate = 0.5}, update mode, {@code stepUpdate(t)};</li>
 *   <li>multistep: milestones 300,000, 600,000 and 900,000, {@code decay_rate = 0.1}, update mode,
 *       {@code stepUpdate(t)};</li>
 *   <li>plateau (epoch mode only, as in timm): {@code step(epoch, metric)} with a metric drawn from a
 *       fixed table of 1,024 boxed values (no boxing inside the measurement).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FamilyBench {
    private static final long T = 1_000_000L;

    @Param({"cosine", "poly", "step", "multistep", "plateau"})
    public String schedule;

    private ParamGroupList list;
    private LRScheduler scheduler;
    private boolean epochs;
    private Ticker ticker;
    private final Double[] metrics = new Double[1024];

    @Setup
    public void setup() {
        list = ParamGroupList.of(0.1);
        switch (schedule) {
            case "tanh" -> scheduler = TanhLRScheduler.builder(list, T).tInEpochs(false).build();
            case "cosine" -> scheduler = CosineLRScheduler.builder(list, T).tInEpochs(false).build();
            case "poly" -> scheduler = PolyLRScheduler.builder(list, T).tInEpochs(false).build();
            case "step" -> scheduler = StepLRScheduler.builder(list, 30_000).decayRate(0.5).tInEpochs(false).build();
            case "multistep" -> scheduler = MultiStepLRScheduler.builder(list, 300_000, 600_000, 900_000)
                    .decayRate(0.1).tInEpochs(false).build();
            case "plateau" -> scheduler = PlateauLRScheduler.builder(list).build();
            default -> throw new IllegalArgumentException("unknown schedule " + schedule);
        }
        epochs = schedule.equals("plateau");
        // a slowly improving, noisy metric: plateaus, decays and cooldowns all happen
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = i / 1024.0 + r.nextDouble() * 0.2;
        }
        ticker = new Ticker(1, T);
    }

    /** One step: {@code stepUpdate(t)}, or {@code step(t, metric)} for plateau. */
    @Benchmark
    public double step() {
        long t = ticker.next();
        if (epochs) {
            scheduler.step(t, metrics[(int) (t & 1023)]);
        } else {
            scheduler.stepUpdate(t);
        }
        return list.lr(0);
    }
}
