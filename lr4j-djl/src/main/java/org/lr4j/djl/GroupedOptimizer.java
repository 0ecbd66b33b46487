package org.lr4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optimizer {@link Optimizers#create} makes: one optimizer per parameter group, so that each group
 * has its own weight decay (DJL's optimizers take a single one); {@code update} hands each parameter to
 * its group's optimizer. Every delegate reads the learning rate through the groups' tracker.
 *
 * <p>Its whole state, what PyTorch's {@code optimizer.state_dict()['state']} holds (step counts, momentum
 * buffers, moments, accumulators), is {@link #state()}, keyed by parameter name, and a new optimizer over
 * the same model continues from it after {@link #restore(OptimizerState)}, bit for bit.
 *
 * <pre>{@code
 * GroupedOptimizer opt = Optimizers.create("sgd", groups, 0.9, 0);
 * trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(opt));
 * ...
 * OptimizerState s = opt.state();   // s.buffer("momentum_buffer"): one array per parameter updated so far
 * }</pre>
 */
public final class GroupedOptimizer extends Optimizer {
    private final String opt;
    private final DjlParamGroups groups;
    private final List<Optimizer> delegates;

    GroupedOptimizer(String opt, DjlParamGroups groups, List<Optimizer> delegates) {
        super(new Builder());
        if (delegates.size() != groups.size()) {
            throw new IllegalArgumentException("one optimizer per group (" + groups.size() + ") needed, got "
                    + delegates.size());
        }
        for (Optimizer d : delegates) {
            if (!(d instanceof TorchStyleOptimizer)) {
                throw new IllegalArgumentException("delegates must be lr4j's optimizers, whose state lr4j keeps, got "
                        + d.getClass().getName());
            }
        }
        this.opt = opt;
        this.groups = groups;
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        delegates.get(groups.groupOf(parameterId)).update(parameterId, weight, grad);
    }

    /** {@return the optimizer's name ({@link Optimizers#NAMES}, lower case)} */
    public String opt() {
        return opt;
    }

    /** {@return the whole state now, by parameter name} */
    public OptimizerState state() {
        Map<String, Long> steps = new TreeMap<>();
        Map<String, Map<String, OptimizerState.Buffer>> buffers = new TreeMap<>();
        for (Optimizer d : delegates) {
            TorchStyleOptimizer t = torch(d);
            t.exportSteps().forEach((id, n) -> steps.put(groups.parameterName(id), n));
            t.exportBuffers().forEach((name, per) -> {
                Map<String, OptimizerState.Buffer> byName = buffers.computeIfAbsent(name, k -> new TreeMap<>());
                per.forEach((id, v) -> byName.put(groups.parameterName(id), v));
            });
        }
        return new OptimizerState(opt, steps, buffers);
    }

    /**
     * Replaces the whole state with {@code state}, taken from an optimizer of the same name over a model
     * of the same parameters. Checks everything first and changes nothing when a check fails.
     *
     * @param state the state to restore, as {@link #state()} gave it
     * @throws IllegalArgumentException when {@code state} is another optimizer's, names a parameter that
     *     is in no group, or holds an array shaped neither like its parameter nor {@code (1)}
     * @throws NullPointerException when {@code state} is null
     */
    public void restore(OptimizerState state) {
        if (!state.opt().equals(opt)) {
            throw new IllegalArgumentException("optimizer state is of opt " + state.opt() + ", the optimizer is " + opt);
        }
        int n = delegates.size();
        List<Map<String, Long>> steps = new java.util.ArrayList<>();
        List<Map<String, Map<String, OptimizerState.Buffer>>> buffers = new java.util.ArrayList<>();
        for (int g = 0; g < n; g++) {
            steps.add(new HashMap<>());
            buffers.add(new HashMap<>());
        }
        for (Map.Entry<String, Long> e : state.updateCounts().entrySet()) {
            String id = idOf(e.getKey());
            steps.get(groups.groupOf(id)).put(id, e.getValue());
        }
        for (String name : state.bufferNames()) {
            for (Map.Entry<String, OptimizerState.Buffer> p : state.buffer(name).entrySet()) {
                String id = idOf(p.getKey());
                Shape param = groups.parameterShape(p.getKey());
                Shape shape = new Shape(p.getValue().shape());
                if (param != null && !shape.equals(param) && !shape.equals(new Shape(1))) {
                    throw new IllegalArgumentException("optimizer state " + name + " of parameter " + p.getKey()
                            + " has shape " + shape + ", the parameter " + param);
                }
                buffers.get(groups.groupOf(id)).computeIfAbsent(name, k -> new HashMap<>()).put(id, p.getValue());
            }
        }
        for (int g = 0; g < n; g++) {
            ((TorchStyleOptimizer) delegates.get(g)).importState(buffers.get(g), steps.get(g));
        }
    }

    private String idOf(String name) {
        try {
            return groups.parameterId(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optimizer state names parameter " + name
                    + ", which the model's groups do not hold", e);
        }
    }

    private static TorchStyleOptimizer torch(Optimizer d) {
        return (TorchStyleOptimizer) d;
    }

    /** Group {@code index}'s optimizer. */
    Optimizer delegate(int index) {
        return delegates.get(index);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
