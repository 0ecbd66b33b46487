package org.lr4j.djl;

import org.lr4j.schedule.InvalidValueException;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.group.ParamGroupArray;
import org.lr4j.group.ParamGroups;

/**
 * A DJL model's trainable parameters split into named groups, each with its own live learning rate,
 * {@code initial_lr}, optional {@code lr_scale} and weight decay: the {@link ParamGroups} an lr4j
 * scheduler drives, and, through {@link #tracker()}, the learning rate every DJL optimizer reads.
 *
 * <p>Parameters are assigned by name rules, first matching group wins. {@link #timm} makes timm's
 * groups ({@code param_groups_weight_decay}): with {@code weight_decay > 0}, group 0 {@code no_decay}
 * holds the biases and every parameter of at most one dimension (norm scales and shifts) with weight
 * decay 0, group 1 {@code decay} holds the rest with {@code weight_decay}; with weight decay 0, one
 * group {@code all}.
 *
 * <pre>{@code
 * // a Linear(3) layer after initialize: "weight" (3 x 4) and "bias" (3)
 * DjlParamGroups g = DjlParamGroups.timm(block.getParameters(), 0.1, 1e-4);
 * g.size();                 // 2
 * g.name(0);                // "no_decay", holding "bias", weight decay 0.0
 * g.name(1);                // "decay", holding "weight", weight decay 1e-4
 * g.tracker().getNewValue(biasId, 1);   // 0.1f, the live lr of group 0
 * }</pre>
 *
 * <p>Not thread-safe, like the optimizer state it stands for: a scheduler writes the rates between
 * updates, the optimizer reads them during {@code Trainer.step()}.
 */
public final class DjlParamGroups implements ParamGroups {
    /** Decides whether a parameter (by its full name in the block, and itself) belongs to a group. */
    @FunctionalInterface
    public interface Rule {
        /**
         * Whether the parameter named {@code name} belongs to the group.
         *
         * @param name the parameter's full name in the block ({@code weight}; {@code 01Linear_weight} inside a sequence)
         * @param parameter the parameter itself (its shape is known once initialized)
         * @return whether it belongs to the group
         */
        boolean matches(String name, Parameter parameter);
    }

    /** Every parameter. */
    public static final Rule ALL = (name, p) -> true;

    /**
     * timm's no-weight-decay rule: a parameter of at most one dimension (biases, norm scales and shifts)
     * or one whose name ends with {@code bias}.
     */
    public static final Rule NO_DECAY = (name, p) -> {
        Shape shape = p.getShape();
        return name.endsWith("bias") || (shape != null && shape.dimension() <= 1);
    };

    private final String[] names;
    private final double[] weightDecays;
    /** The groups' learning-rate fields (lr, initial_lr, lr_scale): core's array-backed groups. */
    private final ParamGroupArray rates;
    private final Map<String, Integer> groupOfId;
    private final List<List<String>> parameterNames;
    private final Map<String, String> nameOfId;
    private final Map<String, String> idOfName;
    private final Map<String, Shape> shapeOfName;
    private final ParameterTracker tracker;

    private DjlParamGroups(Builder b, Map<String, Integer> groupOfId, List<List<String>> parameterNames,
            Map<String, String> nameOfId, Map<String, Shape> shapeOfName) {
        int n = b.names.size();
        names = b.names.toArray(new String[0]);
        weightDecays = new double[n];
        double[] lrs = new double[n];
        java.util.Arrays.fill(lrs, b.lr);
        rates = ParamGroupArray.of(lrs);
        for (int g = 0; g < n; g++) {
            weightDecays[g] = b.weightDecays.get(g);
            Double scale = b.lrScales.get(g);
            if (scale != null) {
                rates.lrScale(g, scale);
            }
        }
        this.groupOfId = groupOfId;
        this.parameterNames = parameterNames;
        this.nameOfId = nameOfId;
        Map<String, String> ids = new HashMap<>();
        nameOfId.forEach((id, name) -> ids.put(name, id));
        this.idOfName = Collections.unmodifiableMap(ids);
        this.shapeOfName = shapeOfName;
        this.tracker = new GroupLrTracker(this);
    }

    /**
     * timm's groups over {@code parameters} (see the class comment).
     *
     * @param parameters the block's parameters ({@code block.getParameters()}), initialized, so that
     *     their shapes are known
     * @param lr every group's learning rate
     * @param weightDecay the weight decay of the {@code decay} group
     * @return the groups, each parameter in one of them
     * @throws IllegalArgumentException when {@code lr} or {@code weightDecay} is negative or not finite
     */
    public static DjlParamGroups timm(PairList<String, Parameter> parameters, double lr, double weightDecay) {
        Builder b = builder(lr);
        if (weightDecay > 0) {
            b.group("no_decay", 0.0, NO_DECAY).group("decay", weightDecay, ALL);
        } else {
            b.group("all", checkedNonNegative("weight_decay", weightDecay), ALL);
        }
        return b.build(parameters);
    }

    /**
     * A builder whose groups all start at learning rate {@code lr}.
     *
     * @param lr every group's learning rate, finite, {@code >= 0}
     * @return a builder without groups
     * @throws IllegalArgumentException when {@code lr} is negative or not finite
     */
    public static Builder builder(double lr) {
        return new Builder(checkedNonNegative("lr", lr));
    }

    /** Builds groups from rules. */
    public static final class Builder {
        private final double lr;
        private final List<String> names = new ArrayList<>();
        private final List<Double> weightDecays = new ArrayList<>();
        private final List<Double> lrScales = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(double lr) {
            this.lr = lr;
        }

        /**
         * Adds a group without {@code lr_scale}.
         *
         * @param name the group's name, unique, not empty
         * @param weightDecay its weight decay, finite, {@code >= 0}
         * @param rule which parameters it takes (of those no earlier group took)
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or taken, or the weight decay is
         *     negative or not finite
         */
        public Builder group(String name, double weightDecay, Rule rule) {
            return add(name, weightDecay, null, rule);
        }

        /**
         * Adds a group with an {@code lr_scale} (current timm multiplies the scheduler's value by it).
         *
         * @param name the group's name, unique, not empty
         * @param weightDecay its weight decay, finite, {@code >= 0}
         * @param lrScale its {@code lr_scale}, finite
         * @param rule which parameters it takes (of those no earlier group took)
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or taken, the weight decay is
         *     negative or not finite, or the scale is not finite
         */
        public Builder group(String name, double weightDecay, double lrScale, Rule rule) {
            if (!Double.isFinite(lrScale)) {
                throw new InvalidValueException("lr_scale of group " + name, "must be finite", String.valueOf(lrScale));
            }
            return add(name, weightDecay, lrScale, rule);
        }

        private Builder add(String name, double weightDecay, Double lrScale, Rule rule) {
            if (name == null || name.isEmpty()) {
                throw new InvalidValueException("group name", "must not be empty", String.valueOf(name));
            }
            if (names.contains(name)) {
                throw new InvalidValueException("group name", "must be unique", String.valueOf(name + " twice"));
            }
            if (rule == null) {
                throw new IllegalArgumentException("rule of group " + name + " must not be null");
            }
            names.add(name);
            weightDecays.add(checkedNonNegative("weight_decay of group " + name, weightDecay));
            lrScales.add(lrScale);
            rules.add(rule);
            return this;
        }

        /**
         * Assigns each trainable parameter (one that requires a gradient) to the first group whose rule
         * matches it.
         *
         * @param parameters the block's parameters ({@code block.getParameters()})
         * @return the groups
         * @throws IllegalArgumentException when there is no group, or a trainable parameter matches no
         *     group (the message names it)
         */
        public DjlParamGroups build(PairList<String, Parameter> parameters) {
            if (names.isEmpty()) {
                throw new InvalidValueException("param_groups", "must hold at least one group", "0");
            }
            Map<String, Integer> groupOf = new HashMap<>();
            Map<String, String> nameOf = new HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            Map<String, Shape> shapes = new HashMap<>();
            List<List<String>> members = new ArrayList<>();
            for (int g = 0; g < names.size(); g++) {
                members.add(new ArrayList<>());
            }
            for (Pair<String, Parameter> pair : parameters) {
                Parameter p = pair.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                int found = -1;
                for (int g = 0; g < rules.size() && found < 0; g++) {
                    if (rules.get(g).matches(pair.getKey(), p)) {
                        found = g;
                    }
                }
                if (found < 0) {
                    throw new IllegalArgumentException("parameter " + pair.getKey() + " matches no group of "
                            + names);
                }
                if (!seen.add(pair.getKey())) {
                    throw new IllegalArgumentException("parameter name " + pair.getKey() + " appears twice");
                }
                groupOf.put(p.getId(), found);
                nameOf.put(p.getId(), pair.getKey());
                if (p.getShape() != null) {
                    shapes.put(pair.getKey(), p.getShape());
                }
                members.get(found).add(pair.getKey());
            }
            List<List<String>> frozen = new ArrayList<>();
            for (List<String> m : members) {
                frozen.add(Collections.unmodifiableList(m));
            }
            return new DjlParamGroups(this, Collections.unmodifiableMap(groupOf), Collections.unmodifiableList(frozen),
                    Collections.unmodifiableMap(nameOf), Collections.unmodifiableMap(shapes));
        }
    }

    private static double checkedNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidValueException(name, "must be a finite number >= 0", String.valueOf(v));
        }
        return v;
    }

    /**
     * The group of the parameter with DJL id {@code parameterId} ({@code Parameter.getId()}, what
     * optimizers receive).
     *
     * @param parameterId a parameter's DJL id
     * @return the index of its group
     * @throws IllegalArgumentException when the parameter is in no group
     */
    public int groupOf(String parameterId) {
        Integer g = groupOfId.get(parameterId);
        if (g == null) {
            throw new IllegalArgumentException("parameter id " + parameterId + " is in no group (a parameter"
                    + " that does not require a gradient, or one of another block)");
        }
        return g;
    }

    /**
     * Group {@code index}'s name.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the name given to {@link Builder#group}
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    public String name(int index) {
        return names[index];
    }

    /**
     * Group {@code index}'s weight decay.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the weight decay
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    public double weightDecay(int index) {
        return weightDecays[index];
    }

    /**
     * The full names (in the block) of group {@code index}'s parameters, in the block's order.
     *
     * @param index the group, {@code 0 <= index < size()}
     * @return the names, unmodifiable
     * @throws IndexOutOfBoundsException when {@code index} is not a group's
     */
    public List<String> parameterNames(int index) {
        return parameterNames.get(index);
    }

    /**
     * The full name in the block of the parameter with DJL id {@code parameterId}: the key optimizer
     * state is saved under ({@link OptimizerState}), since DJL ids are new in every process.
     *
     * @param parameterId a DJL parameter id
     * @return the parameter's name in the block
     * @throws IllegalArgumentException when the parameter is in no group
     */
    public String parameterName(String parameterId) {
        String name = nameOfId.get(parameterId);
        if (name == null) {
            groupOf(parameterId);
        }
        return name;
    }

    /**
     * The DJL id of the parameter named {@code name} in the block.
     *
     * @param name a parameter's name in the block
     * @return its DJL id in this process
     * @throws IllegalArgumentException when no parameter of the groups has that name
     */
    public String parameterId(String name) {
        String id = idOfName.get(name);
        if (id == null) {
            throw new IllegalArgumentException("parameter " + name + " is in no group");
        }
        return id;
    }

    /**
     * The shape of the parameter named {@code name} when the groups were built.
     *
     * @param name a parameter's name in the block
     * @return its shape, or null when it was not known then
     */
    public Shape parameterShape(String name) {
        return shapeOfName.get(name);
    }

    /** {@return the number of trainable parameters in all groups} */
    public int parameterCount() {
        return groupOfId.size();
    }

    /**
     * The tracker to give every DJL optimizer ({@code Sgd.builder().setLearningRateTracker(t)},
     * {@code Adam.builder().optLearningRateTracker(t)}, ...): it answers the live learning rate of the
     * parameter's group, as a float, and changes nothing.
     *
     * @return the tracker (the same one at every call)
     */
    public ParameterTracker tracker() {
        return tracker;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean hasLr(int index) {
        return rates.hasLr(index);
    }

    @Override
    public double lr(int index) {
        return rates.lr(index);
    }

    @Override
    public void setLr(int index, double lr) {
        rates.setLr(index, lr);
    }

    @Override
    public boolean hasInitialLr(int index) {
        return rates.hasInitialLr(index);
    }

    @Override
    public double initialLr(int index) {
        return rates.initialLr(index);
    }

    @Override
    public void setInitialLr(int index, double initialLr) {
        rates.setInitialLr(index, initialLr);
    }

    @Override
    public boolean hasLrScale(int index) {
        return rates.hasLrScale(index);
    }

    @Override
    public double lrScale(int index) {
        return rates.lrScale(index);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int g = 0; g < names.length; g++) {
            sb.append(g > 0 ? ", " : "").append(names[g]).append("{lr=").append(rates.lr(g)).append(", weight_decay=")
                    .append(weightDecays[g]).append(", params=").append(parameterNames.get(g).size()).append('}');
        }
        return sb.append(']').toString();
    }

    private double[] momentums;
    private org.lr4j.group.MomentumKind momentumKind = org.lr4j.group.MomentumKind.NONE;

    /**
     * Gives every group SGD's momentum {@code momentum}, which a scheduler may then cycle (PyTorch's
     * {@code OneCycleLR}, {@code CyclicLR}) and {@link Optimizers}' {@code sgd}/{@code nesterov} read at every
     * update; returns these groups. Without it (or {@link #withBeta1}) the groups carry no momentum
     * ({@code MomentumKind.NONE}).
     *
     * @param momentum SGD's momentum for every group, finite, {@code >= 0}
     * @return these groups
     * @throws IllegalArgumentException when {@code momentum} is negative or not finite
     */
    public DjlParamGroups withMomentum(double momentum) {
        if (!(momentum >= 0) || Double.isInfinite(momentum)) {
            throw new IllegalArgumentException("momentum must be a finite number >= 0, got " + momentum);
        }
        return carry(org.lr4j.group.MomentumKind.MOMENTUM, momentum);
    }

    /**
     * Gives every group Adam's {@code betas[0]} = {@code beta1} ({@code MomentumKind.BETA1}), which a
     * scheduler may then cycle (PyTorch's {@code OneCycleLR}, {@code CyclicLR} write
     * {@code group['betas'] = (m, beta2)}) and {@link Optimizers}' {@code adam}/{@code adamw} read at every
     * update, bias correction included ({@code 1 - beta1^step} with the current {@code beta1}, as PyTorch's);
     * returns these groups.
     *
     * @param beta1 Adam's {@code betas[0]} for every group, in {@code [0, 1)}
     * @return these groups
     * @throws IllegalArgumentException when {@code beta1} is not in {@code [0, 1)} (PyTorch: Invalid beta
     *     parameter at index 0)
     */
    public DjlParamGroups withBeta1(double beta1) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        return carry(org.lr4j.group.MomentumKind.BETA1, beta1);
    }

    private DjlParamGroups carry(org.lr4j.group.MomentumKind kind, double value) {
        momentums = new double[size()];
        java.util.Arrays.fill(momentums, value);
        momentumKind = kind;
        return this;
    }

    @Override
    public org.lr4j.group.MomentumKind momentumKind() {
        return momentumKind;
    }

    @Override
    public double momentum(int index) {
        if (momentums == null) {
            return ParamGroups.super.momentum(index);
        }
        return momentums[index];
    }

    @Override
    public void setMomentum(int index, double momentum) {
        if (momentums == null) {
            ParamGroups.super.setMomentum(index, momentum);
            return;
        }
        momentums[index] = momentum;
    }
}
