package org.lr4j.schedule;

import org.lr4j.noise.Noise;

/**
 * A time-driven scheduler: applies a pure {@link Schedule} (a function of {@code t} and a base rate) to
 * every group at each step of its mode, with the noise where it applies. tanh, cosine, poly, step and
 * multistep extend it. The evaluation at a step goes through {@link FastPaths} (shared work done once for
 * all groups), which computes the same doubles as {@link #lrAt(long)}.
 *
 * <p>Thread safety: see {@link AbstractLRScheduler}; {@code lrAt} reads an immutable snapshot of the base
 * values and may be called from any thread at any time.
 */
public abstract class AbstractTimeScheduler extends AbstractLRScheduler implements TimeScheduler {
    private final Schedule schedule;
    private final boolean noisy;
    /** Every group's value at a step, for {@code step}/{@code stepUpdate} (single-threaded, as they are). */
    private final double[] stepValues;
    private FastPaths.GroupValues groupValues;

    AbstractTimeScheduler(String name, Builder<?, ?> b, Schedule schedule) {
        super(name, b);
        this.schedule = schedule;
        this.noisy = !noise().range().isNone();
        double[] base = bases();
        this.stepValues = new double[base.length];
        this.groupValues = FastPaths.bind(schedule, base);
    }

    @Override
    public final void step(long epoch) {
        checkT("epoch", epoch);
        if (tInEpochs()) {
            apply(epoch);
        }
    }

    @Override
    public final void stepUpdate(long numUpdates) {
        checkT("num_updates", numUpdates);
        if (!tInEpochs()) {
            apply(numUpdates);
        }
    }

    /** Computes every group's value at {@code t} once, adds the noise if it applies, writes. Allocates nothing. */
    private void apply(long t) {
        double[] v = stepValues;
        groupValues.values(t, v);
        Noise noise = noise();
        if (noisy && noise.appliesAt(t)) {
            double n = noise.sample(t);
            for (int g = 0; g < v.length; g++) {
                write(g, v[g] + v[g] * n);
            }
        } else {
            for (int g = 0; g < v.length; g++) {
                write(g, v[g]);
            }
        }
    }

    @Override
    public double[] lrAt(long t) {
        checkT("t", t);
        double[] base = bases();
        double[] out = new double[base.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = schedule.value(t, base[g]);
        }
        return out;
    }

    /**
     * The value at {@code t} for group {@code g} (no noise, no {@code lr_scale}); allocates nothing.
     *
     * @param t the epoch or update count, {@code >= 0}
     * @param g the group, {@code 0 <= g < groups().size()}
     * @return the value
     * @throws IllegalArgumentException when {@code t < 0}
     * @throws IndexOutOfBoundsException when {@code g} is not a group's
     */
    public double lrAt(long t, int g) {
        checkT("t", t);
        return schedule.value(t, bases()[g]);
    }

    /** {@return the pure schedule this scheduler applies (a function of {@code t} and a base rate)} */
    public Schedule schedule() {
        return schedule;
    }

    @Override
    final void basesRestored(double[] restored) {
        groupValues = FastPaths.bind(schedule, restored);
    }
}
