package org.lr4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of lr4j's optimizers: PyTorch's update rules written with NDArray operations, for DJL's PyTorch
 * engine (where DJL's {@code Nag}, {@code RmsProp} and {@code Adagrad} throw "Not implemented") and to
 * keep every optimizer's state where lr4j can save and restore it. Like DJL's own optimizers, each update
 * asks the learning-rate tracker once per parameter ({@code getNewValue(parameterId, numUpdate)},
 * {@code numUpdate} from 1); weight decay is PyTorch's L2 form, {@code grad += weight_decay * weight};
 * the parameter's gradient is zeroed after the update, as DJL's PyTorch kernels do.
 *
 * <p>State: everything a rule reads besides weight, gradient and learning rate lives here, so that
 * {@link #exportBuffers()}/{@link #exportSteps()} and {@link #importState} capture and restore it
 * whole: the per-parameter step count ({@link #stepCount(String)}, PyTorch's {@code state['step']},
 * counting from {@code beginNumUpdate}) and the named state arrays ({@link #state(String, String,
 * NDArray)}, float32, shaped like the weight). A rule must keep no other mutable state.
 */
abstract class TorchStyleOptimizer extends Optimizer {
    private final ParameterTracker tracker;
    private final long beginNumUpdate;
    private final Map<String, Map<String, Map<Device, NDArray>>> states = new ConcurrentHashMap<>();
    private final Map<String, Long> steps = new ConcurrentHashMap<>();
    /** Restored buffer values (buffer name, parameter id), turned into arrays at their first use. */
    private final Map<String, Map<String, float[]>> pending = new ConcurrentHashMap<>();

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
            if (wd != 0f) {
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
     * The updates parameter {@code parameterId} has had, the current one included when called from
     * {@link #step}: PyTorch's {@code state['step']} after its increment ({@code beginNumUpdate} before
     * the first update).
     */
    final long stepCount(String parameterId) {
        return steps.getOrDefault(parameterId, beginNumUpdate);
    }

    /**
     * The state array {@code name} of a parameter: zeros like the weight at first, or the values
     * {@link #importState} restored.
     *
     * @throws IllegalStateException when restored values do not fit the weight's size
     */
    final NDArray state(String name, String parameterId, NDArray weight) {
        return withDefaultState(states.computeIfAbsent(name, k -> new ConcurrentHashMap<>()), parameterId,
                weight.getDevice(), k -> {
                    Map<String, float[]> waiting = pending.get(name);
                    float[] values = waiting == null ? null : waiting.remove(parameterId);
                    if (values == null) {
                        return weight.zerosLike();
                    }
                    if (values.length != weight.size()) {
                        throw new IllegalStateException("restored optimizer state " + name + " of parameter "
                                + parameterId + " holds " + values.length + " values, the weight " + weight.size());
                    }
                    return weight.getManager().create(values, weight.getShape());
                });
    }

    /** Per buffer name, per parameter id, the values of every state array (restored ones not yet used included). */
    final Map<String, Map<String, float[]>> exportBuffers() {
        Map<String, Map<String, float[]>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Map<Device, NDArray>>> e : states.entrySet()) {
            Map<String, float[]> per = out.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
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
                per.put(p.getKey(), a.toFloatArray());
            }
        }
        for (Map.Entry<String, Map<String, float[]>> e : pending.entrySet()) {
            Map<String, float[]> per = out.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
            e.getValue().forEach((id, v) -> per.put(id, v.clone()));
        }
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    /** Per parameter id, the updates it has had. */
    final Map<String, Long> exportSteps() {
        return new TreeMap<>(steps);
    }

    /**
     * Replaces the whole state: step counts and buffers by parameter id (buffers become arrays at their
     * first use, shaped like the weight).
     */
    final void importState(Map<String, Map<String, float[]>> buffers, Map<String, Long> stepCounts) {
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
            Map<String, float[]> copy = new HashMap<>();
            per.forEach((id, v) -> copy.put(id, v.clone()));
            pending.put(name, new ConcurrentHashMap<>(copy));
        });
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
