package org.lr4j.djl;

import ai.djl.training.tracker.ParameterTracker;
import org.lr4j.group.ParamGroups;

/**
 * The adapter between an lr4j scheduler and a DJL optimizer: DJL optimizers call
 * {@code getNewValue(parameterId, numUpdate)} once per parameter per update ({@code numUpdate} counting
 * from 1); this tracker answers the live learning rate of the parameter's group, which the scheduler
 * writes between updates ({@code stepUpdate}/{@code step}), exactly as a PyTorch optimizer reads
 * {@code param_group['lr']}. It ignores {@code numUpdate} (lr4j's driver, not the optimizer, counts
 * updates) and changes nothing, so asking twice gives the same answer.
 *
 * <p>Example (asserted by {@code DjlParamGroupsTest}): timm's groups of a {@code Linear} layer at lr
 * 0.1 answer {@code 0.1f} for its bias and its weight; after {@code setLr(0, 0.05)} (group
 * {@code no_decay}) they answer {@code 0.05f} for the bias and still {@code 0.1f} for the weight.
 */
final class GroupLrTracker implements ParameterTracker {
    private final DjlParamGroups groups;

    GroupLrTracker(DjlParamGroups groups) {
        this.groups = groups;
    }

    /**
     * The live learning rate of {@code parameterId}'s group, as a float.
     *
     * @throws IllegalArgumentException when the parameter is in no group
     */
    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) groups.lr(groups.groupOf(parameterId));
    }

    /** {@return the groups it reads} */
    ParamGroups groups() {
        return groups;
    }
}
