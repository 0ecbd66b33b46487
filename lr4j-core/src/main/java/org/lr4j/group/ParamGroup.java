package org.lr4j.group;

import org.lr4j.internal.Checks;

/**
 * One parameter group's learning-rate fields: {@code lr}, optional {@code initial_lr}, optional
 * {@code lr_scale}. Mutable, like an optimizer's group; not thread-safe.
 *
 * <pre>{@code
 * ParamGroup head = ParamGroup.of(0.1);
 * ParamGroup body = ParamGroup.of(0.05).lrScale(0.5);
 * ParamGroupList groups = ParamGroupList.of(head, body);
 * }</pre>
 */
public final class ParamGroup {
    private double lr;
    private boolean hasLr;
    private double initialLr;
    private boolean hasInitialLr;
    private double lrScale;
    private boolean hasLrScale;
    private double momentum;
    private MomentumKind momentumKind = MomentumKind.NONE;

    private ParamGroup() {
    }

    /**
     * A group with learning rate {@code lr}.
     *
     * @param lr the learning rate, finite
     * @return a group with {@code lr} set, no {@code initial_lr}, no {@code lr_scale}
     * @throws IllegalArgumentException when {@code lr} is NaN or infinite
     */
    public static ParamGroup of(double lr) {
        ParamGroup g = new ParamGroup();
        g.lr = Checks.finite("lr", lr);
        g.hasLr = true;
        return g;
    }

    /** {@return a group with no {@code lr} yet (only useful with {@link #initialLr(double)} and {@code initialize=false})} */
    public static ParamGroup empty() {
        return new ParamGroup();
    }

    /**
     * Sets {@code initial_lr} and returns this group.
     *
     * @param value the {@code initial_lr}, finite
     * @return this group
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    public ParamGroup initialLr(double value) {
        this.initialLr = Checks.finite("initial_lr", value);
        this.hasInitialLr = true;
        return this;
    }

    /**
     * Sets {@code lr_scale} and returns this group.
     *
     * @param value the {@code lr_scale}, finite
     * @return this group
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    public ParamGroup lrScale(double value) {
        this.lrScale = Checks.finite("lr_scale", value);
        this.hasLrScale = true;
        return this;
    }

    /**
     * Sets SGD's {@code momentum} (the group then carries {@link MomentumKind#MOMENTUM}) and returns this group.
     *
     * @param value SGD's {@code momentum}, finite
     * @return this group
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    public ParamGroup momentum(double value) {
        this.momentum = Checks.finite("momentum", value);
        this.momentumKind = MomentumKind.MOMENTUM;
        return this;
    }

    /**
     * Sets Adam's {@code betas[0]} (the group then carries {@link MomentumKind#BETA1}) and returns this group.
     *
     * @param value Adam's {@code betas[0]}, finite
     * @return this group
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    public ParamGroup beta1(double value) {
        this.momentum = Checks.finite("betas[0]", value);
        this.momentumKind = MomentumKind.BETA1;
        return this;
    }

    /** {@return a copy of this group} */
    public ParamGroup copy() {
        ParamGroup g = new ParamGroup();
        g.lr = lr;
        g.hasLr = hasLr;
        g.initialLr = initialLr;
        g.hasInitialLr = hasInitialLr;
        g.lrScale = lrScale;
        g.hasLrScale = hasLrScale;
        g.momentum = momentum;
        g.momentumKind = momentumKind;
        return g;
    }

    boolean hasLr() {
        return hasLr;
    }

    double lr() {
        return lr;
    }

    void setLr(double value) {
        lr = value;
        hasLr = true;
    }

    boolean hasInitialLr() {
        return hasInitialLr;
    }

    double initialLr() {
        return initialLr;
    }

    void setInitialLr(double value) {
        initialLr = value;
        hasInitialLr = true;
    }

    boolean hasLrScale() {
        return hasLrScale;
    }

    double lrScale() {
        return lrScale;
    }

    MomentumKind momentumKind() {
        return momentumKind;
    }

    double momentumValue() {
        return momentum;
    }

    void setMomentumValue(double value) {
        momentum = value;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        if (hasLr) {
            sb.append("lr=").append(lr);
        }
        if (hasInitialLr) {
            sb.append(sb.length() > 1 ? ", " : "").append("initial_lr=").append(initialLr);
        }
        if (hasLrScale) {
            sb.append(sb.length() > 1 ? ", " : "").append("lr_scale=").append(lrScale);
        }
        if (momentumKind != MomentumKind.NONE) {
            sb.append(sb.length() > 1 ? ", " : "").append(momentumKind == MomentumKind.BETA1 ? "beta1=" : "momentum=")
                    .append(momentum);
        }
        return sb.append('}').toString();
    }
}
