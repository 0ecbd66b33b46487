package org.lr4j.state;

import org.lr4j.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A scheduler's complete state as one plain value: what {@code state()} returns and {@code restore}
 * takes. The command line writes it as JSON; it holds only strings and numbers.
 *
 * @param scheduler the scheduler's {@code --sched} name ({@code tanh}, {@code plateau}, ...)
 * @param baseValues the base learning rates, one per group
 * @param lrs the groups' live learning rates when the state was taken
 * @param plateau the reduce-on-plateau counters; null for every scheduler but plateau
 */
public record SchedulerState(String scheduler, List<Double> baseValues, List<Double> lrs, PlateauState plateau) {
    /**
     * Validates and copies.
     *
     * @param scheduler the scheduler's {@code --sched} name, not empty
     * @param baseValues the base learning rates, one per group, at least one; copied
     * @param lrs the live learning rates, as many as {@code baseValues}; copied
     * @param plateau the reduce-on-plateau counters, or null
     * @throws IllegalArgumentException when a field is missing, the lists differ in length, or a
     *     number is negative or not finite (no scheduler writes such a learning rate)
     */
    public SchedulerState {
        if (scheduler == null || scheduler.isEmpty()) {
            throw Checks.invalid("state.scheduler", "be a scheduler name", scheduler);
        }
        baseValues = finiteList("state.base_values", baseValues);
        lrs = finiteList("state.lrs", lrs);
        if (baseValues.size() != lrs.size()) {
            throw Checks.invalid("state.lrs", "have one value per group (" + baseValues.size() + ")", lrs.size());
        }
        if (baseValues.isEmpty()) {
            throw Checks.invalid("state.base_values", "hold at least one group", "0");
        }
        if (plateau != null && plateau.restoreLrs() != null && plateau.restoreLrs().size() != lrs.size()) {
            throw Checks.invalid("state.plateau.restore_lrs", "have one value per group (" + lrs.size() + ")",
                    plateau.restoreLrs().size());
        }
    }

    static List<Double> finiteList(String name, List<Double> values) {
        if (values == null) {
            throw Checks.invalid(name, "be a list of numbers", "null");
        }
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v) || v < 0) {
                throw Checks.invalid(name + "[" + i + "]", "be a finite number >= 0", v);
            }
        }
        return List.copyOf(values);
    }

    /**
     * Checks that this state belongs to a scheduler named {@code name} with {@code groups} groups.
     *
     * @param name the restoring scheduler's {@code --sched} name
     * @param groups its number of parameter groups
     * @throws IllegalArgumentException when it does not
     */
    public void requireFor(String name, int groups) {
        if (!Objects.equals(scheduler, name)) {
            throw Checks.invalid("state.scheduler", "be " + name + " (the scheduler restored)", scheduler);
        }
        if (baseValues.size() != groups) {
            throw Checks.invalid("state.base_values", "hold one value per group (" + groups + ")", baseValues.size());
        }
    }
}
