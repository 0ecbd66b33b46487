package org.lr4j.group;

import org.lr4j.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-memory list of {@link ParamGroup}s: the simplest optimizer a scheduler can drive.
 *
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(0.1, 0.01);   // two groups
 * TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).build();
 * s.step(10);
 * double lr = groups.lr(0);
 * }</pre>
 *
 * <p>Not thread-safe, like the optimizer state it stands for.
 */
public final class ParamGroupList implements ParamGroups {
    private final List<ParamGroup> groups;

    private ParamGroupList(List<ParamGroup> groups) {
        if (groups.isEmpty()) {
            throw Checks.invalid("param_groups", "hold at least one group", "0");
        }
        this.groups = groups;
    }

    /**
     * Groups with the given learning rates.
     *
     * @param lrs one learning rate per group, finite
     * @return the groups, without {@code initial_lr} or {@code lr_scale}
     * @throws IllegalArgumentException when there is no rate, or a rate is NaN or infinite
     */
    public static ParamGroupList of(double... lrs) {
        List<ParamGroup> list = new ArrayList<>(lrs.length);
        for (double lr : lrs) {
            list.add(ParamGroup.of(lr));
        }
        return new ParamGroupList(list);
    }

    /**
     * The given groups (held, not copied).
     *
     * @param groups the groups, at least one
     * @return groups holding them
     * @throws IllegalArgumentException when there is no group or a group is null
     */
    public static ParamGroupList of(ParamGroup... groups) {
        return of(Arrays.asList(groups));
    }

    /**
     * The given groups (held, not copied).
     *
     * @param groups the groups, at least one
     * @return groups holding them (the list is copied, the groups are not)
     * @throws IllegalArgumentException when there is no group or a group is null
     */
    public static ParamGroupList of(List<ParamGroup> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null) {
                throw Checks.invalid("param_groups[" + i + "]", "be a group", "null");
            }
        }
        return new ParamGroupList(new ArrayList<>(groups));
    }

    /** {@return a deep copy: new groups with the same fields} */
    public ParamGroupList copy() {
        List<ParamGroup> list = new ArrayList<>(groups.size());
        for (ParamGroup g : groups) {
            list.add(g.copy());
        }
        return new ParamGroupList(list);
    }

    /**
     * Group {@code index} itself.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the group itself (changes to it change these groups)
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    public ParamGroup get(int index) {
        return groups.get(index);
    }

    @Override
    public int size() {
        return groups.size();
    }

    @Override
    public boolean hasLr(int index) {
        return groups.get(index).hasLr();
    }

    @Override
    public double lr(int index) {
        return groups.get(index).lr();
    }

    @Override
    public void setLr(int index, double lr) {
        groups.get(index).setLr(lr);
    }

    @Override
    public boolean hasInitialLr(int index) {
        return groups.get(index).hasInitialLr();
    }

    @Override
    public double initialLr(int index) {
        return groups.get(index).initialLr();
    }

    @Override
    public void setInitialLr(int index, double initialLr) {
        groups.get(index).setInitialLr(initialLr);
    }

    @Override
    public boolean hasLrScale(int index) {
        return groups.get(index).hasLrScale();
    }

    @Override
    public double lrScale(int index) {
        return groups.get(index).lrScale();
    }

    /**
     * The momentum every group carries: {@code MOMENTUM} or {@code BETA1} when all groups were given the
     * same kind ({@link ParamGroup#momentum(double)}, {@link ParamGroup#beta1(double)}), else {@code NONE}.
     */
    @Override
    public MomentumKind momentumKind() {
        MomentumKind kind = groups.get(0).momentumKind();
        for (ParamGroup g : groups) {
            if (g.momentumKind() != kind) {
                return MomentumKind.NONE;
            }
        }
        return kind;
    }

    @Override
    public double momentum(int index) {
        requireMomentum();
        return groups.get(index).momentumValue();
    }

    @Override
    public void setMomentum(int index, double momentum) {
        requireMomentum();
        groups.get(index).setMomentumValue(momentum);
    }

    private void requireMomentum() {
        if (momentumKind() == MomentumKind.NONE) {
            throw new UnsupportedOperationException("these param_groups carry no momentum (or not the same kind in"
                    + " every group)");
        }
    }

    @Override
    public String toString() {
        return groups.toString();
    }
}
