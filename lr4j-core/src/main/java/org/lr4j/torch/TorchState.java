package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PyTorch scheduler's state as one plain value (only strings, numbers, lists and maps): PyTorch's
 * {@code state_dict()} ({@code last_epoch}, {@code _step_count}, {@code base_lrs}, {@code _last_lr} and
 * the class's own counters), plus what PyTorch keeps in the optimizer: every group's {@code lr},
 * {@code initial_lr} and momentum.
 *
 * @param scheduler PyTorch's class name
 * @param lastEpoch {@code last_epoch}
 * @param stepCount {@code _step_count}
 * @param baseLrs {@code base_lrs}
 * @param lastLr {@code _last_lr} (empty before the first step of {@link ReduceLROnPlateau})
 * @param lrs every group's {@code lr}
 * @param initialLrs every group's {@code initial_lr}
 * @param momentums every group's momentum (or {@code betas[0]}); empty when the groups carry none
 * @param counters the class's own counters by PyTorch's names ({@code T_cur}, {@code best}, ...)
 * @param children the states of the schedulers a {@link SequentialLR} or {@link ChainedScheduler} holds
 */
public record TorchState(String scheduler, long lastEpoch, long stepCount, List<Double> baseLrs, List<Double> lastLr,
        List<Double> lrs, List<Double> initialLrs, List<Double> momentums, Map<String, Double> counters,
        List<TorchState> children) {
    /**
     * Validates and copies.
     *
     * @param scheduler PyTorch's class name, not empty
     * @param lastEpoch {@code last_epoch}
     * @param stepCount {@code _step_count}
     * @param baseLrs {@code base_lrs}; copied
     * @param lastLr {@code _last_lr}; copied
     * @param lrs every group's {@code lr}; copied
     * @param initialLrs every group's {@code initial_lr}; copied
     * @param momentums every group's momentum; copied
     * @param counters the class's own counters; copied
     * @param children the states of held schedulers; copied
     * @throws IllegalArgumentException when the name is missing or a list or map is null or holds null
     */
    public TorchState {
        if (scheduler == null || scheduler.isEmpty()) {
            throw new InvalidValueException("state.scheduler", "must be a scheduler name",
                    String.valueOf(scheduler));
        }
        baseLrs = copy("state.base_lrs", baseLrs);
        lastLr = copy("state.last_lr", lastLr);
        lrs = copy("state.lrs", lrs);
        initialLrs = copy("state.initial_lrs", initialLrs);
        momentums = copy("state.momentums", momentums);
        if (counters == null || counters.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new InvalidValueException("state.counters", "must be a map of names to numbers",
                    String.valueOf(counters));
        }
        counters = Map.copyOf(new TreeMap<>(counters));
        if (children == null || children.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException("state.children", "must be a list of states",
                    String.valueOf(children));
        }
        children = List.copyOf(children);
    }

    private static List<Double> copy(String name, List<Double> values) {
        if (values == null || values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException(name, "must be a list of numbers", String.valueOf(values));
        }
        return List.copyOf(new ArrayList<>(values));
    }

    /**
     * Checks that this state is of the scheduler named {@code scheduler}.
     *
     * @param scheduler PyTorch's class name of the scheduler being restored
     * @throws IllegalArgumentException when it is not
     */
    public void requireFor(String scheduler) {
        if (!this.scheduler.equals(scheduler)) {
            throw new InvalidValueException("state.scheduler", "must be " + scheduler + " (the scheduler restored)",
                    this.scheduler);
        }
    }

    /**
     * The counter {@code name}.
     *
     * @param name PyTorch's name of the counter ({@code T_cur}, {@code best}, ...)
     * @return its value
     * @throws IllegalArgumentException when the state has none
     */
    public double counter(String name) {
        Double v = counters.get(name);
        if (v == null) {
            throw new InvalidValueException("state.counters." + name, "must be given", "none");
        }
        return v;
    }
}
