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
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Every per-parameter state an optimizer keeps (momentum buffers, moments, step counts) lives in the
 * arrays of {@link #state(String, String, NDArray)} and {@link #stepCount(String, NDArray)}, one map of
 * named arrays here, so that saving and restoring that map covers every optimizer.
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

    /** The state array {@code name} of a parameter, zeros like the weight at first. */
    final NDArray state(String name, String parameterId, NDArray weight) {
        return withDefaultState(states.computeIfAbsent(name, k -> new ConcurrentHashMap<>()), parameterId,
                weight.getDevice(), k -> weight.zerosLike());
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
