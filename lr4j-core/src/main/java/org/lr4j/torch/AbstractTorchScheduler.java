package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lr4j.group.MomentumKind;
import org.lr4j.group.ParamGroups;

/**
 * PyTorch's {@code _LRScheduler}: {@code initial_lr} defaults to {@code lr} in every group, the base
 * rates are the groups' {@code initial_lr}, and construction ends with the initial step (epoch 0).
 * {@code step()} advances {@code last_epoch} and writes {@code get_lr()}; {@code step(epoch)} (only
 * {@link SequentialLR} calls it, with 0) sets {@code last_epoch} and writes the closed form where
 * the class has one, else {@code get_lr()}.
 */
abstract class AbstractTorchScheduler implements TorchScheduler {
    private final String name;
    final ParamGroups groups;
    final int n;
    double[] baseLrs;
    long lastEpoch = -1;
    long stepCount;
    double[] lastLr = new double[0];

    AbstractTorchScheduler(String name, ParamGroups groups) {
        this.name = name;
        this.groups = checkGroups(groups);
        this.n = groups.size();
        this.baseLrs = new double[n];
        for (int g = 0; g < n; g++) {
            if (!groups.hasInitialLr(g)) {
                groups.setInitialLr(g, groups.lr(g));
            }
            baseLrs[g] = groups.initialLr(g);
        }
    }

    static ParamGroups checkGroups(ParamGroups groups) {
        if (groups == null) {
            throw new NullPointerException("param_groups must be given, got null");
        }
        if (groups.size() < 1) {
            throw new InvalidValueException("param_groups", "must hold at least one group", "0");
        }
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.hasLr(g)) {
                throw new InvalidValueException("param_groups[" + g + "].lr", "must be given", "none");
            }
        }
        return groups;
    }

    /**
     * PyTorch's {@code _initial_step}: resets the step count and steps once. A division by zero of the
     * reference's formula there is PyTorch refusing the configuration.
     *
     * @throws IllegalArgumentException when the formula fails at epoch 0
     */
    final void initialStep() {
        stepCount = 0;
        try {
            step();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(name + " fails at its initial step: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParamGroups groups() {
        return groups;
    }

    @Override
    public long lastEpoch() {
        return lastEpoch;
    }

    @Override
    public double[] lastLr() {
        return lastLr.clone();
    }

    /** {@return {@code get_lr()}: the chainable form, at {@code lastEpoch}. May write momentum} */
    abstract double[] getLr();

    /**
     * The chainable step of a multiplicative scheduler: every group's current rate times {@code factor}
     * ({@code 1} where the rate stays).
     */
    final double[] currentTimes(double factor) {
        double[] out = groups.lrs();
        for (int g = 0; g < n; g++) {
            out[g] = out[g] * factor;
        }
        return out;
    }

    /** The closed form of a multiplicative scheduler: every group's base rate times {@code factor}. */
    final double[] basesTimes(double factor) {
        double[] out = new double[n];
        for (int g = 0; g < n; g++) {
            out[g] = baseLrs[g] * factor;
        }
        return out;
    }

    /** {@return {@code _get_closed_form_lr()} where the class has one, else {@code get_lr()}} */
    double[] closedFormLr() {
        return getLr();
    }

    @Override
    public void step() {
        stepCount++;
        lastEpoch++;
        write(compute(false));
    }

    /** {@code step(epoch)}: PyTorch's deprecated form, which {@link SequentialLR} calls with 0 at a milestone. */
    void stepAt(long epoch) {
        stepCount++;
        lastEpoch = epoch;
        write(compute(true));
    }

    private double[] compute(boolean closed) {
        try {
            return closed ? closedFormLr() : getLr();
        } catch (ArithmeticException e) {
            throw new IllegalStateException(name + " at epoch " + lastEpoch + ": " + e.getMessage()
                    + " (PyTorch raises here too)", e);
        }
    }

    final void write(double[] values) {
        for (int g = 0; g < n; g++) {
            groups.setLr(g, values[g]);
        }
        lastLr = groups.lrs();
    }

    /** {@code scheduler.last_epoch -= 1}, as {@link SequentialLR}'s constructor does to every scheduler it holds. */
    void rewindOneEpoch() {
        lastEpoch--;
    }

    /** The per-group value of a parameter given as one value or one per group ({@code _format_param}). */
    static double[] perGroup(String name, double[] values, int groups) {
        if (values.length == 1) {
            double[] out = new double[groups];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != groups) {
            throw new InvalidValueException(name, "must be one value or one per group (expected " + groups
                    + " values for " + name + ")", values.length + " values");
        }
        return values.clone();
    }

    // ---- state

    /** {@return the class's own counters, by PyTorch's names} */
    Map<String, Double> counters() {
        return Map.of();
    }

    /** Restores the class's own counters. */
    void restoreCounters(TorchState state) {
    }

    List<TorchState> childStates() {
        return List.of();
    }

    void restoreChildren(TorchState state) {
    }

    @Override
    public TorchState state() {
        List<Double> initial = new ArrayList<>();
        List<Double> momentums = new ArrayList<>();
        boolean hasMomentum = groups.momentumKind() != MomentumKind.NONE;
        for (int g = 0; g < n; g++) {
            initial.add(groups.hasInitialLr(g) ? groups.initialLr(g) : groups.lr(g));
            if (hasMomentum) {
                momentums.add(groups.momentum(g));
            }
        }
        return new TorchState(name, lastEpoch, stepCount, list(baseLrs), list(lastLr), list(groups.lrs()), initial,
                momentums, counters(), childStates());
    }

    @Override
    public void restore(TorchState state) {
        requireFor(state);
        restoreChildren(state);
        lastEpoch = state.lastEpoch();
        stepCount = state.stepCount();
        baseLrs = array(state.baseLrs());
        lastLr = array(state.lastLr());
        restoreCounters(state);
        for (int g = 0; g < n; g++) {
            groups.setLr(g, state.lrs().get(g));
            groups.setInitialLr(g, state.initialLrs().get(g));
            if (!state.momentums().isEmpty()) {
                groups.setMomentum(g, state.momentums().get(g));
            }
        }
    }

    void requireFor(TorchState state) {
        if (state == null) {
            throw new NullPointerException("state must be given, got null");
        }
        state.requireFor(name);
        if (state.lrs().size() != n || state.initialLrs().size() != n) {
            throw new InvalidValueException("state.lrs", "must hold one value per group (" + n + ")",
                    String.valueOf(state.lrs().size()));
        }
        boolean hasMomentum = groups.momentumKind() != MomentumKind.NONE;
        if (!state.momentums().isEmpty() && (!hasMomentum || state.momentums().size() != n)) {
            throw new InvalidValueException("state.momentums", "must hold one value per group (" + n + ") of groups that carry momentum",
                    String.valueOf(state.momentums().size()));
        }
    }

    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    static double[] array(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
