package org.lr4j.bench;

import org.lr4j.internal.FastMath;
import java.util.concurrent.TimeUnit;
import org.lr4j.noise.TorchGenerator;
import org.lr4j.schedule.TanhLRScheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors: what the arithmetic of one step costs on its own, without any scheduler around it.
 *
 * <ul>
 *   <li>{@link #tanh()}: {@code 1 - StrictMath.tanh(x)}, timm's formula (native fdlibm in Java 17);</li>
 *   <li>{@link #oneMinusTanh()}: the same value as lr4j computes it, the floor of a tanh step;</li>
 *   <li>{@link #cos()}: one {@code Math.cos}, the floor of a cosine step;</li>
 *   <li>{@link #seedChain397()}: the 397 dependent steps of MT19937's seeding recurrence
 *       {@code x = 1812433253 * (x ^ (x >>> 30)) + i} that any generator must take to reach state word
 *       397, which the first output depends on (the floor of a noisy step);</li>
 *   <li>{@link #firstRand()}: lr4j's seeding of a fresh generator as implemented (a shortened chain,
 *       see {@code TorchGenerator}) and its first output;</li>
 *   <li>{@link #boxMuller()}: {@code sqrt(-2 log1p(-u2))}, {@code cos(2 pi u1)} in StrictMath, the
 *       rest of a normal sample.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FloorBench {
    private long n;

    private double x() {
        long k = n++;
        return -7.0 + 10.0 * (k & 0xFFFFF) * 0x1.0p-20;
    }

    /** One {@code 1 - StrictMath.tanh(x)} over the tanh schedule's range {@code [-7, 3]}: timm's formula. */
    @Benchmark
    public double tanh() {
        return 1 - StrictMath.tanh(x());
    }

    /** lr4j's {@code 1 - tanh(x) = 2 / (1 + StrictMath.exp(2x))} over the same range. */
    @Benchmark
    public double oneMinusTanh() {
        return FastMath.oneMinusTanh(x());
    }

    /** One {@code Math.cos}: the arithmetic of a cosine step (DJL's and lr4j's). */
    @Benchmark
    public double cos() {
        return Math.cos(Math.PI * (n++ & 0xFFFFF) * 0x1.0p-20);
    }

    /** lr4j's first {@code rand()} of a fresh generator: the seeding chain as implemented, plus one output. */
    @Benchmark
    public float firstRand() {
        return TorchGenerator.firstRand(n++);
    }

    /** The 397 dependent multiply steps of MT19937's seeding. */
    @Benchmark
    public int seedChain397() {
        int x = (int) n++;
        for (int i = 1; i <= 397; i++) {
            x = 1812433253 * (x ^ (x >>> 30)) + i;
        }
        return x;
    }

    /** Box-Muller on two uniforms (StrictMath log1p, sqrt, cos). */
    @Benchmark
    public double boxMuller() {
        long k = n++;
        double u1 = (k & 0xFFFFF) * 0x1.0p-20;
        double u2 = ((k * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
        double r = StrictMath.sqrt(-2.0 * StrictMath.log1p(-u2));
        return r * StrictMath.cos(2.0 * Math.PI * u1);
    }
}
