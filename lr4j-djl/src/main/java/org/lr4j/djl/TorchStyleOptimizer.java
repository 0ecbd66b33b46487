package org.lr4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of the optimizers lr4j supplies where DJL's PyTorch engine has none ({@code Nag},
 * {@code RmsProp} and {@code Adagrad} throw "Not implemented" there): PyTorch's update rules written with
 * NDArray operations. Like DJL's own optimizers, each update asks the learning-rate tracker once per
 * parameter ({@code getNewValue(parameterId, numUpdate)}, {@code numUpdate} from 1); weight decay is
 * PyTorch's L2 form, {@code grad += weight_decay * weight}; the parameter's gradient is zeroed after the
 * update, as DJL's PyTorch kernels do.
 */
abstract class TorchStyleOptimizer extends Optimizer {
    private final ParameterTracker tracker;
    private final Map<String, Map<String, Map<Device, NDArray>>> states = new ConcurrentHashMap<>();

    TorchStyleOptimizer(Builder builder) {
        super(builder);
        this.tracker = Objects.requireNonNull(builder.tracker, "learning-rate tracker");
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = tracker.getNewValue(parameterId, updateCount(parameterId));
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

    /** The state array {@code name} of a parameter, zeros like the weight at first. */
    final NDArray state(String name, String parameterId, NDArray weight) {
        return withDefaultState(states.computeIfAbsent(name, k -> new ConcurrentHashMap<>()), parameterId,
                weight.getDevice(), k -> weight.zerosLike());
    }

    /** The common builder: tracker, weight decay, first update number. */
    static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker tracker;

        Builder tracker(ParameterTracker t) {
            this.tracker = t;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
