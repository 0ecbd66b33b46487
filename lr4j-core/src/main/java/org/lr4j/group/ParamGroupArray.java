package org.lr4j.group;

import org.lr4j.internal.Checks;

/**
 * Parameter groups held in parallel arrays: the same contract as {@link ParamGroupList}, for optimizers
 * with many groups, where a scheduler step writes every group. A write is two array stores instead of
 * two list look-ups through a {@link ParamGroup} object each (see {@code BENCHMARKS.md}: 64 groups).
 *
 * <pre>{@code
 * ParamGroupArray groups = ParamGroupArray.of(0.1, 0.05).lrScale(1, 0.5);
 * TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).build();
 * s.step(35);
 * groups.lr(0);   // 0.050000000000000044
 * groups.lr(1);   // 0.012500000000000011 (the value for base 0.05, times lr_scale 0.5)
 * }</pre>
 *
 * <p>Not thread-safe, like the optimizer state it stands for.
 */
public final class ParamGroupArray implements ParamGroups {
    private final double[] lr;
    private final boolean[] hasLr;
    private final double[] initialLr;
    private final boolean[] hasInitialLr;
    private final double[] lrScale;
    private final boolean[] hasLrScale;

    private ParamGroupArray(int n) {
        if (n < 1) {
            throw Checks.invalid("param_groups", "hold at least one group", "0");
        }
        lr = new double[n];
        hasLr = new boolean[n];
        initialLr = new double[n];
        hasInitialLr = new boolean[n];
        lrScale = new double[n];
        hasLrScale = new boolean[n];
    }

    /**
     * Groups with the given learning rates.
     *
     * @param lrs one learning rate per group, finite
     * @return the groups, without {@code initial_lr} or {@code lr_scale}
     * @throws IllegalArgumentException when there is no rate, or a rate is NaN or infinite
     */
    public static ParamGroupArray of(double... lrs) {
        ParamGroupArray a = new ParamGroupArray(lrs.length);
        for (int g = 0; g < lrs.length; g++) {
            a.lr[g] = Checks.finite("param_groups[" + g + "].lr", lrs[g]);
            a.hasLr[g] = true;
        }
        return a;
    }

    /**
     * A copy of every field of {@code groups}.
     *
     * @param groups any groups, at least one
     * @return new array-backed groups holding the same fields
     * @throws IllegalArgumentException when {@code groups} is empty
     * @throws NullPointerException when {@code groups} is null
     */
    public static ParamGroupArray copyOf(ParamGroups groups) {
        Checks.notNull("param_groups", groups);
        ParamGroupArray a = new ParamGroupArray(groups.size());
        for (int g = 0; g < a.lr.length; g++) {
            if (groups.hasLr(g)) {
                a.lr[g] = groups.lr(g);
                a.hasLr[g] = true;
            }
            if (groups.hasInitialLr(g)) {
                a.initialLr[g] = groups.initialLr(g);
                a.hasInitialLr[g] = true;
            }
            if (groups.hasLrScale(g)) {
                a.lrScale[g] = groups.lrScale(g);
                a.hasLrScale[g] = true;
            }
        }
        return a;
    }

    /**
     * Sets group {@code index}'s {@code lr_scale} and returns these groups.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @param value the {@code lr_scale}, finite
     * @return these groups
     * @throws IllegalArgumentException when the value is NaN or infinite
     * @throws IndexOutOfBoundsException when there is no group {@code index}
     */
    public ParamGroupArray lrScale(int index, double value) {
        lrScale[index] = Checks.finite("param_groups[" + index + "].lr_scale", value);
        hasLrScale[index] = true;
        return this;
    }

    @Override
    public int size() {
        return lr.length;
    }

    @Override
    public boolean hasLr(int index) {
        return hasLr[index];
    }

    @Override
    public double lr(int index) {
        return lr[index];
    }

    @Override
    public void setLr(int index, double value) {
        lr[index] = value;
        hasLr[index] = true;
    }

    @Override
    public boolean hasInitialLr(int index) {
        return hasInitialLr[index];
    }

    @Override
    public double initialLr(int index) {
        return initialLr[index];
    }

    @Override
    public void setInitialLr(int index, double value) {
        initialLr[index] = value;
        hasInitialLr[index] = true;
    }

    @Override
    public boolean hasLrScale(int index) {
        return hasLrScale[index];
    }

    @Override
    public double lrScale(int index) {
        return lrScale[index];
    }

    @Override
    public double[] lrs() {
        return lr.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int g = 0; g < lr.length; g++) {
            sb.append(g > 0 ? ", " : "").append('{');
            int start = sb.length();
            if (hasLr[g]) {
                sb.append("lr=").append(lr[g]);
            }
            if (hasInitialLr[g]) {
                sb.append(sb.length() > start ? ", " : "").append("initial_lr=").append(initialLr[g]);
            }
            if (hasLrScale[g]) {
                sb.append(sb.length() > start ? ", " : "").append("lr_scale=").append(lrScale[g]);
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }
}
