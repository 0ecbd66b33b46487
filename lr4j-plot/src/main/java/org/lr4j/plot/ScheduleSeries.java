package org.lr4j.plot;

import java.util.function.Function;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.group.ParamGroupList;

/**
 * Turns a scheduler into an {@link LrSeries} over {@code t = 0, 1, ..., n - 1}.
 *
 * <ul>
 *   <li>{@link #values(String, TimeScheduler, long)}: the pure schedule, {@code lrAt(t)} of one group (no
 *       noise, no {@code lr_scale}), whatever the scheduler's mode; the scheduler and its groups are not
 *       touched.</li>
 *   <li>{@link #received(String, Function, ParamGroupList, long)}: what the groups receive, noise and
 *       {@code lr_scale} included: a scheduler is built by the given factory on a fresh copy of the
 *       groups and stepped in its own mode ({@code step(t)} in epoch mode, {@code stepUpdate(t)} in
 *       update mode); after each step the group's {@code lr} is recorded.</li>
 * </ul>
 *
 * <p>Example (asserted by {@code ScheduleSeriesTest}), the tutorial's first scheduler:
 * <pre>{@code
 * TimeScheduler s = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).profile(Profile.TIMM_0_4).build();
 * LrSeries tanh = ScheduleSeries.values("t_mul=1", s, 150);
 * tanh.x()[50];   // 50.0
 * tanh.y()[0];    // 9.999938558253979E-5
 * tanh.y()[50];   // 9.999938558253979E-5  (restart: the 0.4 profile has unlimited cycles)
 * }</pre>
 */
public final class ScheduleSeries {
    /** The most points one series may hold. */
    public static final long MAX_POINTS = 10_000_000L;

    private ScheduleSeries() {
    }

    /**
     * The pure values of group 0 at {@code t = 0..n-1}.
     *
     * @param label the legend's label, not blank
     * @param scheduler a time-driven scheduler (plateau is not: its values depend on metrics)
     * @param n the number of points, {@code 1..MAX_POINTS}
     * @return the series: {@code x = t}, {@code y} the learning rate
     * @throws IllegalArgumentException when {@code n} is out of {@code 1..MAX_POINTS}, or the label is blank
     */
    public static LrSeries values(String label, TimeScheduler scheduler, long n) {
        return values(label, scheduler, n, 0);
    }

    /**
     * The pure values of group {@code group} at {@code t = 0..n-1}: {@code scheduler.lrAt(t)[group]}.
     *
     * @param label the legend's label, not blank
     * @param scheduler a time-driven scheduler (plateau is not: its values depend on metrics)
     * @param n the number of points, {@code 1..MAX_POINTS}
     * @param group the group, {@code 0 <= group < size}
     * @return the series: {@code x = t}, {@code y} the learning rate
     * @throws IllegalArgumentException when {@code n} is out of {@code 1..MAX_POINTS}, {@code group} is not
     *     a group of the scheduler, the scheduler is null or the label is blank
     */
    public static LrSeries values(String label, TimeScheduler scheduler, long n, int group) {
        if (scheduler == null) {
            throw new IllegalArgumentException("scheduler must not be null");
        }
        int count = checkN(n);
        checkGroup(group, scheduler.groups().size());
        double[] x = new double[count];
        double[] y = new double[count];
        for (int t = 0; t < count; t++) {
            x[t] = t;
            y[t] = scheduler.lrAt(t)[group];
        }
        return LrSeries.of(label, x, y);
    }

    /**
     * What group 0 receives at {@code t = 0..n-1}; see the class comment.
     *
     * @param label the legend's label, not blank
     * @param factory builds the scheduler on the groups it is handed
     * @param groups the groups to copy for the scheduler
     * @param n the number of points, {@code 1..MAX_POINTS}
     * @return the series: {@code x = t}, {@code y} the learning rate
     * @throws IllegalArgumentException as {@link #received(String, Function, ParamGroupList, long, int)}
     */
    public static LrSeries received(String label, Function<? super ParamGroupList, ? extends LRScheduler> factory,
            ParamGroupList groups, long n) {
        return received(label, factory, groups, n, 0);
    }

    /**
     * What group {@code group} receives at {@code t = 0..n-1}: the factory builds a scheduler on
     * {@code groups.copy()} (the given groups are left untouched), which is stepped at each {@code t} in
     * its own mode; the group's {@code lr} after each step is the series' value.
     *
     * @param factory builds the scheduler on the groups it is handed, e.g.
     *     {@code g -> TanhLRScheduler.builder(g, 50).noiseRangeT(10).build()}
     *
     * @param label the legend's label, not blank
     * @param groups the groups to copy for the scheduler
     * @param n the number of points, {@code 1..MAX_POINTS}
     * @param group the group, {@code 0 <= group < size}
     * @return the series: {@code x = t}, {@code y} the learning rate
     * @throws IllegalArgumentException when {@code n} is out of {@code 1..MAX_POINTS}, {@code group} is not
     *     one of the groups, an argument is null, the label is blank, or the factory does (bad options)
     */
    public static LrSeries received(String label, Function<? super ParamGroupList, ? extends LRScheduler> factory,
            ParamGroupList groups, long n, int group) {
        if (factory == null || groups == null) {
            throw new IllegalArgumentException("factory and groups must not be null");
        }
        int count = checkN(n);
        checkGroup(group, groups.size());
        ParamGroupList fresh = groups.copy();
        LRScheduler scheduler = factory.apply(fresh);
        if (scheduler == null || scheduler.groups() != fresh) {
            throw new IllegalArgumentException("factory must return a scheduler driving the groups it is given");
        }
        double[] x = new double[count];
        double[] y = new double[count];
        boolean epochs = scheduler.tInEpochs();
        for (int t = 0; t < count; t++) {
            if (epochs) {
                scheduler.step(t);
            } else {
                scheduler.stepUpdate(t);
            }
            x[t] = t;
            y[t] = fresh.lr(group);
        }
        return LrSeries.of(label, x, y);
    }

    private static int checkN(long n) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("n must be in 1.." + MAX_POINTS + ", got " + n);
        }
        return (int) n;
    }

    private static void checkGroup(int group, int size) {
        if (group < 0 || group >= size) {
            throw new IllegalArgumentException("group must be in 0.." + (size - 1) + ", got " + group);
        }
    }
}
