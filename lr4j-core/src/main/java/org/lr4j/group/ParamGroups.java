package org.lr4j.group;

/**
 * An optimizer's ordered parameter groups, as a scheduler sees them: each group has a live learning
 * rate {@code lr}, optionally an {@code initial_lr} and optionally an {@code lr_scale}; optionally a
 * momentum ({@link #momentumKind()}: SGD's {@code momentum} or Adam's {@code betas[0]}), which only
 * PyTorch's {@code CyclicLR} and {@code OneCycleLR} read and write.
 *
 * <p>This is the one seam between lr4j and an optimizer: implement it over any optimizer's state (a
 * DJL adapter lives in {@code lr4j-djl}) and every lr4j scheduler can drive that optimizer.
 * {@link ParamGroupList} is a plain in-memory implementation.
 *
 * <p>Implementations need not be thread-safe; a scheduler writes its groups from the thread that calls
 * {@code step}/{@code stepUpdate}.
 */
public interface ParamGroups {
    /** {@return the number of groups} */
    int size();

    /**
     * Whether group {@code index} has a learning rate ({@code lr}).
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return false only for a group built without one (see {@code initialize=false})
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    boolean hasLr(int index);

    /**
     * Group {@code index}'s live learning rate, what the optimizer uses now.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the learning rate
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    double lr(int index);

    /**
     * Sets group {@code index}'s live learning rate (schedulers call it; so may you).
     *
     * @param index the group, {@code 0 <= index < size()}
     * @param lr the new learning rate
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    void setLr(int index, double lr);

    /**
     * Whether group {@code index} has an {@code initial_lr}.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return whether {@link #initialLr(int)} is meaningful
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    boolean hasInitialLr(int index);

    /**
     * Group {@code index}'s {@code initial_lr}: the base rate a scheduler schedules from.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the {@code initial_lr}; only meaningful when {@link #hasInitialLr(int)}
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    double initialLr(int index);

    /**
     * Sets group {@code index}'s {@code initial_lr} (a scheduler does at construction, as timm's does).
     *
     * @param index the group, {@code 0 <= index < size()}
     * @param initialLr the new {@code initial_lr}
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    void setInitialLr(int index, double initialLr);

    /**
     * Whether group {@code index} has an {@code lr_scale}.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return whether {@link #lrScale(int)} is meaningful
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    boolean hasLrScale(int index);

    /**
     * Group {@code index}'s {@code lr_scale}, by which current timm multiplies the scheduled rate.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the scale; only meaningful when {@link #hasLrScale(int)}
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    double lrScale(int index);

    /**
     * Which momentum these groups carry ({@link MomentumKind#NONE} unless an implementation says
     * otherwise): SGD's {@code momentum} or Adam's {@code betas[0]}, as PyTorch's {@code CyclicLR} and
     * {@code OneCycleLR} read and write it through {@link #momentum(int)} and {@link #setMomentum}.
     *
     * @return {@link MomentumKind#MOMENTUM}, {@link MomentumKind#BETA1} or {@link MomentumKind#NONE}
     */
    default MomentumKind momentumKind() {
        return MomentumKind.NONE;
    }

    /**
     * Group {@code index}'s momentum (SGD's {@code momentum} or Adam's {@code betas[0]}).
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the momentum
     * @throws UnsupportedOperationException when {@link #momentumKind()} is {@code NONE}
     */
    default double momentum(int index) {
        throw new UnsupportedOperationException("these param_groups carry no momentum");
    }

    /**
     * Sets group {@code index}'s momentum (SGD's {@code momentum} or Adam's {@code betas[0]}).
     *
     * @param index the group, {@code 0 <= index < size()}
     * @param momentum the new momentum
     * @throws UnsupportedOperationException when {@link #momentumKind()} is {@code NONE}
     */
    default void setMomentum(int index, double momentum) {
        throw new UnsupportedOperationException("these param_groups carry no momentum");
    }

    /** {@return every group's live learning rate, in order (a new array)} */
    default double[] lrs() {
        double[] out = new double[size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = lr(g);
        }
        return out;
    }

    /** {@return the mean of the groups' live learning rates, as train.py's summary reports it} */
    default double meanLr() {
        double sum = 0;
        for (int g = 0; g < size(); g++) {
            sum += lr(g);
        }
        return sum / size();
    }
}
