package org.lr4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Base of lr4j's optimizers: PyTorch's update rules ({@code torch.optim}, PyTorch 1.13's single-tensor
 * code) written with NDArray operations, for every {@code --opt} (DJL's PyTorch engine has no {@code Nag},
 * {@code RmsProp} or {@code Adagrad}, and its {@code Sgd} and {@code Adam} follow MXNet's rules: momentum
 * that holds {@code lr * grad}, so a change of learning rate acts late, and another bias correction).
 * Like DJL's own optimizers, each update asks the learning-rate tracker once per parameter
 * ({@code getNewValue(parameterId, numUpdate)}, {@code numUpdate} from 1). Weight decay is PyTorch's L2
 * form, {@code grad += weight_decay * weight}, unless the optimizer decouples it
 * ({@link #decoupledWeightDecay()}: {@code weight *= 1 - lr * weight_decay} before the step, as
 * {@code AdamW}); the parameter's gradient is zeroed after the update, as DJL's PyTorch kernels do.
 *
 * <p>State: everything a rule reads besides weight, gradient and learning rate (momentum buffers, moments,
 * PyTorch's step counts) lives in this class's named float32 arrays ({@link #state(String, String,
 * NDArray)}, {@link #stepCount(String, NDArray)}, or any array got through {@link #withDefaultState} on a
 * map of {@code states}), so that {@link #exportBuffers()} and {@link #importState} capture and restore it
 * whole, whatever the rule; the updates each parameter has had are counted here too
 * ({@link #exportSteps()}, from {@code beginNumUpdate}). A rule keeps no other mutable state.
 */
abstract class TorchStyleOptimizer extends Optimizer {
    private final ParameterTracker tracker;
    private final long beginNumUpdate;
    private final Map<String, Map<String, Map<Device, NDArray>>> states = new ConcurrentHashMap<>();
    private final Map<String, Long> steps = new ConcurrentHashMap<>();
    /** Restored arrays (state name, parameter id), filled into the state arrays at their first use. */
    private final Map<String, Map<String, OptimizerState.Buffer>> pending = new ConcurrentHashMap<>();

    TorchStyleOptimizer(Builder builder) {
        super(builder);
        this.tracker = Objects.requireNonNull(builder.tracker, "learning-rate tracker");
        this.beginNumUpdate = builder.begin;
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        long t = steps.merge(parameterId, beginNumUpdate + 1, (old, one) -> old + 1);
        float lr = tracker.getNewValue(parameterId, (int) Math.min(t, Integer.MAX_VALUE));
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            float wd = getWeightDecay();
            if (wd != 0f && decoupledWeightDecay()) {
                weight.muli(1f - lr * wd);
            } else if (wd != 0f) {
                try (NDArray decay = weight.mul(wd)) {
                    grad.addi(decay);
                }
            }
            step(parameterId, weight, grad, lr);
            if (weight instanceof PtNDArray pt) {
                JniUtils.zeroGrad(pt);
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * Applies one update to {@code weight} with {@code grad} (weight decay already added; may be
     * changed in place) at learning rate {@code lr}.
     */
    abstract void step(String parameterId, NDArray weight, NDArray grad, float lr);

    /**
     * Whether weight decay is decoupled ({@code weight *= 1 - lr * weight_decay}, AdamW) rather than
     * PyTorch's L2 form ({@code grad += weight_decay * weight}); false unless overridden.
     */
    boolean decoupledWeightDecay() {
        return false;
    }

    /** The state array {@code name} of a parameter, zeros like the weight at first (or restored). */
    final NDArray state(String name, String parameterId, NDArray weight) {
        return withDefaultState(states.computeIfAbsent(name, k -> new ConcurrentHashMap<>()), parameterId,
                weight.getDevice(), k -> weight.zerosLike());
    }

    /**
     * DJL's lookup of a per-parameter state array, creating it with {@code defaultFunction} the first
     * time; for a map of this class's {@code states} holding restored values ({@link #importState}) for
     * that parameter, the new array takes them.
     *
     * @throws IllegalStateException when restored values have another shape than the new array
     */
    @Override
    protected final NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
            Function<String, NDArray> defaultFunction) {
        return super.withDefaultState(state, key, device, k -> {
            NDArray fresh = defaultFunction.apply(k);
            String name = nameOf(state);
            Map<String, OptimizerState.Buffer> waiting = name == null ? null : pending.get(name);
            OptimizerState.Buffer restored = waiting == null ? null : waiting.remove(key);
            if (restored != null) {
                if (!fresh.getShape().equals(new Shape(restored.shape())) || fresh.getDataType() != DataType.FLOAT32) {
                    String made = fresh.getShape() + " " + fresh.getDataType();
                    fresh.close();
                    throw new IllegalStateException("restored optimizer state " + name + " of parameter " + key
                            + " has shape " + new Shape(restored.shape()) + " float32, the optimizer's is " + made);
                }
                fresh.set(restored.values());
            }
            return fresh;
        });
    }

    private String nameOf(Map<String, Map<Device, NDArray>> state) {
        for (Map.Entry<String, Map<String, Map<Device, NDArray>>> e : states.entrySet()) {
            if (e.getValue() == state) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Per state name, per parameter id, every state array (restored ones not yet used included). */
    final Map<String, Map<String, OptimizerState.Buffer>> exportBuffers() {
        Map<String, Map<String, OptimizerState.Buffer>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Map<Device, NDArray>>> e : states.entrySet()) {
            Map<String, OptimizerState.Buffer> per = out.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
            for (Map.Entry<String, Map<Device, NDArray>> p : e.getValue().entrySet()) {
                if (p.getValue().size() != 1) {
                    throw new IllegalStateException("optimizer state " + e.getKey() + " of parameter " + p.getKey()
                            + " is on " + p.getValue().size() + " devices; lr4j saves single-device state only");
                }
                NDArray a = p.getValue().values().iterator().next();
                if (a.getDataType() != DataType.FLOAT32) {
                    throw new IllegalStateException("optimizer state " + e.getKey() + " is " + a.getDataType()
                            + "; lr4j saves float32 state only");
                }
                per.put(p.getKey(), new OptimizerState.Buffer(a.getShape().getShape(), a.toFloatArray()));
            }
        }
        for (Map.Entry<String, Map<String, OptimizerState.Buffer>> e : pending.entrySet()) {
            out.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).putAll(e.getValue());
        }
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    /** Per parameter id, the updates it has had. */
    final Map<String, Long> exportSteps() {
        return new TreeMap<>(steps);
    }

    /**
     * Replaces the whole state: update counts and state arrays by parameter id (the arrays are filled
     * at their first use).
     */
    final void importState(Map<String, Map<String, OptimizerState.Buffer>> buffers, Map<String, Long> stepCounts) {
        for (Map<String, Map<Device, NDArray>> per : states.values()) {
            for (Map<Device, NDArray> byDevice : per.values()) {
                byDevice.values().forEach(NDArray::close);
            }
        }
        states.clear();
        pending.clear();
        steps.clear();
        steps.putAll(stepCounts);
        buffers.forEach((name, per) -> {
            states.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
            pending.put(name, new ConcurrentHashMap<>(per));
        });
    }

    /**
     * Adds one to the parameter's step count (state {@code "step"}, one float as PyTorch's
     * {@code state['step']}, 0 at first) and returns the new count.
     */
    final long stepCount(String parameterId, NDArray weight) {
        NDArray step = withDefaultState(states.computeIfAbsent("step", k -> new ConcurrentHashMap<>()),
                parameterId, weight.getDevice(), k -> weight.getManager().zeros(new Shape(1), DataType.FLOAT32));
        step.addi(1f);
        return (long) step.getFloat();
    }

    /** The common builder: tracker, weight decay, first update number. */
    static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker tracker;
        private int begin;

        Builder tracker(ParameterTracker t) {
            this.tracker = t;
            return this;
        }

        @Override
        public Builder optBeginNumUpdate(int beginNumUpdate) {
            this.begin = beginNumUpdate;
            return super.optBeginNumUpdate(beginNumUpdate);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
