package org.lr4j.compose;

import org.lr4j.schedule.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.MomentumKind;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.group.ParamGroups;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.torch.TorchState;

/**
 * A sequence (join) of any schedules — PyTorch's, transformers', timm's ({@link TimmPhase}), another
 * sequence — each phase running in its own local time, a {@code ReduceLROnPlateau} phase allowed. No
 * reference implements this (PyTorch's {@code SequentialLR} refuses a plateau phase, its open issue
 * 68978, and builds every phase up front on the shared groups); lr4j specifies it as follows.
 *
 * <p><b>Time.</b> The sequence counts global steps {@code n}: construction is step 0, each
 * {@link #step()} (or {@link #step(double)}) one more. Phase {@code i} has a length {@code L_i >= 1} and
 * covers the global steps {@code [S_i, S_i + L_i)}, {@code S_0 = 0}, {@code S_{i+1} = S_i + L_i}. A phase's
 * scheduler is built (by its factory, on the sequence's groups) when its first step is reached, so its
 * construction is its local step 0 — PyTorch's initial step, or timm's initial write — and global step
 * {@code S_i + k} is its local step {@code k}: the values of a phase are exactly those of its scheduler
 * run alone from construction. The last phase continues past its length (its own rules then apply:
 * {@code OneCycleLR} raises past {@code total_steps}).
 *
 * <p><b>Where a phase starts.</b> {@link Start#BASE} (the default): every group's {@code lr} and
 * {@code initial_lr} are set to the sequence's base rates (the groups' {@code initial_lr}, or {@code lr},
 * when the sequence was built) and a momentum to its value then, before the phase is built.
 * {@link Start#CONTINUE}: the rates stay where the previous phase left them and {@code initial_lr} is set
 * to them, so the phase's base rates are the previous phase's last rates. Continuity promise: a
 * {@code CONTINUE} phase whose scheduler's first value is its base rate ({@code ReduceLROnPlateau},
 * {@code ExponentialLR}, {@code StepLR}, {@code CosineAnnealingLR}, {@code ConstantLR} with factor 1,
 * timm's schedules without warmup) starts at exactly the rate the previous phase ended with.
 *
 * <p><b>Metrics.</b> {@link #step(double)} passes the metric to the current phase (a plateau phase
 * decides with it; the others ignore it); {@link #step()} on a plateau phase raises, as the phase does.
 *
 * <p><b>Errors.</b> Every phase's factory is tried once at {@link Builder#build()} on a scratch copy of
 * the groups, so a refused configuration fails there ({@code IllegalArgumentException} naming
 * {@code phases[i]}). A step whose phase raises (or whose next phase cannot be built) raises the same
 * exception and leaves the sequence, its phase and the groups exactly as they were before the call:
 * the step did not happen, and may be retried.
 *
 * <p><b>State.</b> {@link #state()} holds the global step, the phase index, the phase's base rates and
 * the phase scheduler's own state; {@link #restore} rebuilds the phase with its factory and restores it,
 * so a sequence built with the same phases on fresh groups continues bit for bit.
 *
 * <pre>{@code
 * ParamGroupList g = ParamGroupList.of(0.1);
 * ScheduleSequence s = ScheduleSequence.builder(g)
 *         .then(5, x -> LinearLR.builder(x).startFactor(0.1).totalIters(5).build())
 *         .then(10, x -> CosineAnnealingLR.builder(x, 10).build())
 *         .then(Start.CONTINUE, 100, x -> ReduceLROnPlateau.builder(x).patience(2).build())
 *         .build();
 * // steps 0..4 warm up from 0.01, 5..14 anneal from 0.1, then the plateau phase starts where the cosine ended
 * }</pre>
 */
public final class ScheduleSequence implements TorchScheduler {
    /** Where a phase starts: the sequence's base rates, or where the previous phase left them. */
    public enum Start {
        /** Rates and {@code initial_lr} reset to the sequence's base rates. */
        BASE,
        /** Rates kept; {@code initial_lr} set to them. */
        CONTINUE
    }

    private record Phase(long length, Start start, Function<ParamGroups, ? extends TorchScheduler> factory) {
    }

    private final ParamGroups groups;
    private final List<Phase> phases;
    private final double[] baseLrs;
    private final double[] baseMomentums;
    private long step;
    private int phase;
    private long phaseStart;
    private double[] phaseBases;
    private TorchScheduler current;

    private ScheduleSequence(ParamGroups groups, List<Phase> phases) {
        this.groups = groups;
        this.phases = phases;
        int n = groups.size();
        this.baseLrs = new double[n];
        boolean m = groups.momentumKind() != MomentumKind.NONE;
        this.baseMomentums = m ? new double[n] : null;
        for (int g = 0; g < n; g++) {
            baseLrs[g] = groups.hasInitialLr(g) ? groups.initialLr(g) : groups.lr(g);
            if (m) {
                baseMomentums[g] = groups.momentum(g);
            }
        }
        this.current = enter(0);
    }

    /**
     * A builder of a sequence on {@code groups}.
     *
     * @param groups the optimizer's groups, which every phase writes
     * @return a builder without phases
     */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    /** Prepares the groups for phase {@code i} and builds its scheduler. */
    private TorchScheduler enter(int i) {
        Phase p = phases.get(i);
        int n = groups.size();
        if (p.start == Start.BASE || i == 0) {
            for (int g = 0; g < n; g++) {
                groups.setLr(g, baseLrs[g]);
                if (baseMomentums != null) {
                    groups.setMomentum(g, baseMomentums[g]);
                }
            }
        }
        phaseBases = groups.lrs();
        for (int g = 0; g < n; g++) {
            groups.setInitialLr(g, phaseBases[g]);
        }
        TorchScheduler s = p.factory.apply(groups);
        if (s == null || s.groups() != groups) {
            throw new InvalidValueException("phases[" + i + "]", "must build its scheduler on the groups it is given",
                    s == null ? "null" : "a scheduler on other groups");
        }
        phase = i;
        return s;
    }

    @Override
    public String name() {
        return "ScheduleSequence";
    }

    @Override
    public ParamGroups groups() {
        return groups;
    }

    /** {@return the index of the phase in charge} */
    public int phase() {
        return phase;
    }

    /** {@return the scheduler of the phase in charge} */
    public TorchScheduler current() {
        return current;
    }

    @Override
    public boolean needsMetric() {
        return current.needsMetric();
    }

    @Override
    public void step() {
        advance(false, 0);
    }

    @Override
    public void step(double metric) {
        advance(true, metric);
    }

    private void advance(boolean withMetric, double metric) {
        TorchState before = state();
        try {
            long next = step + 1;
            if (phase + 1 < phases.size() && next - phaseStart == phases.get(phase).length) {
                current = enter(phase + 1);
                phaseStart = next;
            } else if (withMetric) {
                current.step(metric);
            } else {
                current.step();
            }
            step = next;
        } catch (RuntimeException e) {
            restore(before);
            throw e;
        }
    }

    @Override
    public long lastEpoch() {
        return step;
    }

    @Override
    public double[] lastLr() {
        return groups.lrs();
    }

    @Override
    public TorchState state() {
        Map<String, Double> counters = new TreeMap<>();
        counters.put("phase", (double) phase);
        counters.put("phase_start", (double) phaseStart);
        for (int g = 0; g < phaseBases.length; g++) {
            counters.put("phase_base_lrs[" + g + "]", phaseBases[g]);
        }
        List<Double> initial = new ArrayList<>();
        List<Double> moms = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            initial.add(groups.hasInitialLr(g) ? groups.initialLr(g) : groups.lr(g));
            if (baseMomentums != null) {
                moms.add(groups.momentum(g));
            }
        }
        return new TorchState(name(), step, 0, list(baseLrs), list(groups.lrs()), list(groups.lrs()), initial, moms,
                counters, List.of(current.state()));
    }

    /**
     * Restores a state taken by {@link #state()} of a sequence with the same phases and group count.
     *
     * @throws IllegalArgumentException when the state is of another scheduler, phase count or group count
     */
    @Override
    public void restore(TorchState state) {
        Objects.requireNonNull(state, "state must be given, got null").requireFor(name());
        int n = groups.size();
        int i = (int) state.counter("phase");
        if (i < 0 || i >= phases.size()) {
            throw new InvalidValueException("state.counters.phase", "must be in [0, " + (phases.size() - 1) + "]",
                    String.valueOf(i));
        }
        if (state.lrs().size() != n || state.children().size() != 1) {
            throw new IllegalArgumentException("state.lrs must hold one value per group (" + n + ") and state.children"
                    + " the phase's state, got " + state.lrs().size() + " and " + state.children().size());
        }
        double[] bases = new double[n];
        for (int g = 0; g < n; g++) {
            bases[g] = state.counter("phase_base_lrs[" + g + "]");
        }
        for (int g = 0; g < n; g++) {
            groups.setLr(g, bases[g]);
            groups.setInitialLr(g, bases[g]);
        }
        TorchScheduler s = phases.get(i).factory.apply(groups);
        s.restore(state.children().get(0));
        current = s;
        phase = i;
        phaseBases = bases;
        phaseStart = (long) state.counter("phase_start");
        step = state.lastEpoch();
        for (int g = 0; g < n; g++) {
            groups.setLr(g, state.lrs().get(g));
            groups.setInitialLr(g, state.initialLrs().get(g));
            if (baseMomentums != null && !state.momentums().isEmpty()) {
                groups.setMomentum(g, state.momentums().get(g));
            }
        }
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** Phases of a {@link ScheduleSequence}, in order. */
    public static final class Builder {
        private final ParamGroups groups;
        private final List<Phase> phases = new ArrayList<>();

        private Builder(ParamGroups groups) {
            this.groups = groups;
        }

        /**
         * A phase of {@code length} steps starting from the base rates ({@link Start#BASE}).
         *
         * @param length the phase's steps, {@code >= 1} ({@link #build()} checks)
         * @param factory builds the phase's scheduler on the groups it is handed
         * @return this builder
         */
        public Builder then(long length, Function<ParamGroups, ? extends TorchScheduler> factory) {
            return then(Start.BASE, length, factory);
        }

        /**
         * A phase of {@code length} steps starting as {@code start} says.
         *
         * @param start where the phase's rates start
         * @param length the phase's steps, {@code >= 1} ({@link #build()} checks)
         * @param factory builds the phase's scheduler on the groups it is handed
         * @return this builder
         */
        public Builder then(Start start, long length, Function<ParamGroups, ? extends TorchScheduler> factory) {
            phases.add(new Phase(length, start, factory));
            return this;
        }

        /**
         * A timm phase (driven as {@link TimmPhase}) of {@code length} steps.
         *
         * @param start where the phase's rates start
         * @param length the phase's steps, {@code >= 1} ({@link #build()} checks)
         * @param factory builds the timm scheduler on the groups it is handed
         * @return this builder
         * @throws NullPointerException when {@code factory} is null
         */
        public Builder thenTimm(Start start, long length, Function<ParamGroups, ? extends LRScheduler> factory) {
            if (factory == null) {
                throw new NullPointerException("phases[" + phases.size() + "] factory must be given, got null");
            }
            return then(start, length, g -> TimmPhase.of(factory.apply(g)));
        }

        /**
         * Builds the sequence and its first phase (whose construction is step 0). Every phase's factory is
         * tried once on a scratch copy of the groups.
         *
         * @return the sequence, in its first phase
         * @throws NullPointerException when the groups, a start or a factory is null
         * @throws IllegalArgumentException when there is no phase, a length is below 1, or a factory refuses
         *     (the message names {@code phases[i]})
         */
        public ScheduleSequence build() {
            if (groups == null) {
                throw new NullPointerException("param_groups must be given, got null");
            }
            if (phases.isEmpty()) {
                throw new InvalidValueException("phases", "must hold at least one phase", "0");
            }
            for (int i = 0; i < phases.size(); i++) {
                Phase p = phases.get(i);
                if (p.factory == null || p.start == null) {
                    throw new NullPointerException("phases[" + i + "] factory and start must be given, got null");
                }
                if (p.length < 1) {
                    throw new InvalidValueException("phases[" + i + "].length", "must be >= 1", String.valueOf(p.length));
                }
                try {
                    TorchScheduler s = p.factory.apply(scratch(groups));
                    if (s == null) {
                        throw new IllegalArgumentException("the factory returned null");
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IllegalArgumentException("phases[" + i + "] cannot be built: " + e.getMessage(), e);
                }
            }
            return new ScheduleSequence(groups, List.copyOf(phases));
        }

        private static ParamGroups scratch(ParamGroups groups) {
            List<ParamGroup> list = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                ParamGroup p = ParamGroup.of(groups.hasInitialLr(g) ? groups.initialLr(g) : groups.lr(g));
                if (groups.momentumKind() == MomentumKind.MOMENTUM) {
                    p.momentum(groups.momentum(g));
                } else if (groups.momentumKind() == MomentumKind.BETA1) {
                    p.beta1(groups.momentum(g));
                }
                list.add(p);
            }
            return ParamGroupList.of(list);
        }
    }
}
