package org.lr4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * One DJL optimizer per parameter group, so that each group has its own weight decay (DJL's optimizers
 * take a single one): {@code update} hands each parameter to its group's optimizer. Every delegate reads
 * the learning rate through the groups' tracker.
 */
final class GroupedOptimizer extends Optimizer {
    private final DjlParamGroups groups;
    private final List<Optimizer> delegates;

    GroupedOptimizer(DjlParamGroups groups, List<Optimizer> delegates) {
        super(new Builder());
        if (delegates.size() != groups.size()) {
            throw new IllegalArgumentException("one optimizer per group (" + groups.size() + ") needed, got "
                    + delegates.size());
        }
        this.groups = groups;
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        delegates.get(groups.groupOf(parameterId)).update(parameterId, weight, grad);
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
