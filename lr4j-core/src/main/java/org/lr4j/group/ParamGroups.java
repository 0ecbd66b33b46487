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
    /** The number of groups. */
    int size();

    /** Whether group {@code index} has a learning rate ({@code lr}). */
    boolean hasLr(int index);

    /** Group {@code index}'s live learning rate. */
    double lr(int index);

    /** Sets group {@code index}'s live learning rate. */
    void setLr(int index, double lr);

    /** Whether group {@code index} has an {@code initial_lr}. */
    boolean hasInitialLr(int index);

    /** Group {@code index}'s {@code initial_lr}; only meaningful when {@link #hasInitialLr(int)}. */
    double initialLr(int index);

    /** Sets group {@code index}'s {@code initial_lr}. */
    void setInitialLr(int index, double initialLr);

    /** Whether group {@code index} has an {@code lr_scale}. */
    boolean hasLrScale(int index);

    /** Group {@code index}'s {@code lr_scale}; only meaningful when {@link #hasLrScale(int)}. */
    double lrScale(int index);

    /**
     * Which momentum these groups carry ({@link MomentumKind#NONE} unless an implementation says
     * otherwise): SGD's {@code momentum} or Adam's {@code betas[0]}, as PyTorch's {@code CyclicLR} and
     * {@code OneCycleLR} read and write it through {@link #momentum(int)} and {@link #setMomentum}.
     */
    default MomentumKind momentumKind() {
        return MomentumKind.NONE;
    }

    /**
     * Group {@code index}'s momentum (SGD's {@code momentum} or Adam's {@code betas[0]}).
     *
     * @throws UnsupportedOperationException when {@link #momentumKind()} is {@code NONE}
     */
    default double momentum(int index) {
        throw new UnsupportedOperationException("these param_groups carry no momentum");
    }

    /**
     * Sets group {@code index}'s momentum (SGD's {@code momentum} or Adam's {@code betas[0]}).
     *
     * @throws UnsupportedOperationException when {@link #momentumKind()} is {@code NONE}
     */
    default void setMomentum(int index, double momentum) {
        throw new UnsupportedOperationException("these param_groups carry no momentum");
    }

    /** Every group's live learning rate, in order (a new array). */
    default double[] lrs() {
        double[] out = new double[size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = lr(g);
        }
        return out;
    }

    /** The mean of the groups' live learning rates, as train.py's summary reports it. */
    default double meanLr() {
        double sum = 0;
        for (int g = 0; g < size(); g++) {
            sum += lr(g);
        }
        return sum / size();
    }
}
