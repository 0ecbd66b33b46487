package org.lr4j.schedule;

import java.util.List;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;
import org.lr4j.internal.PlateauDecision;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;

/**
 * Reduce-on-plateau: timm's {@code PlateauLRScheduler} (PyTorch's {@code ReduceLROnPlateau} with timm's
 * warmup and noise). Epoch mode only; {@code stepUpdate} does nothing.
 *
 * <p>{@code step(epoch, metric)}:
 * <ol>
 *   <li>{@code epoch <= warmup_t} (note {@code <=}): write {@code warmup_lr_init + epoch * warmup_step}
 *       and stop. With {@code warmup_t = 0} the step is a placeholder 1, so {@code step(0)} writes
 *       {@code warmup_lr_init}, a quirk of timm reproduced here.</li>
 *   <li>If the previous step added noise, restore the learning rates from before it.</li>
 *   <li>With a metric (NaN included, never better): {@code better} is
 *       {@code metric < best * (1 - threshold)} (min) or {@code metric > best * (1 + threshold)} (max);
 *       better resets the bad count, else it grows; cooldown counts down and clears it; past
 *       {@code patience_t} bad epochs each group becomes {@code max(lr * decay_rate, lr_min)} when that
 *       lowers it by more than {@code 1e-8}, and cooldown starts.</li>
 *   <li>If noise applies at {@code epoch}, remember the rates and set {@code lr = lr + lr * noise}.</li>
 * </ol>
 *
 * <p>Its state ({@link PlateauState}: best, bad epochs, cooldown, pre-noise rates) is saved whole by
 * {@link #state()}.
 *
 * <p>Example (asserted by {@code FamilyTest}): {@code lr = 0.1}, mode max, {@code patience_t = 1},
 * {@code decay_rate = 0.5}: metrics 1, 1, 1 at epochs 1, 2, 3 leave the rate at 0.1, 0.1, 0.05.
 *
 * <p>Not safe for concurrent {@code step} calls: the decision counters are mutable (one driver thread).
 */
public final class PlateauLRScheduler extends AbstractLRScheduler implements MetricScheduler {
    /** The rule's direction. */
    public enum Mode {
        /** Lower metrics are better (losses). */
        MIN,
        /** Higher metrics are better (accuracies). */
        MAX;

        /**
         * {@code min} or {@code max}.
         *
         * @param name {@code min} or {@code max}
         * @return {@link #MIN} or {@link #MAX}
         * @throws IllegalArgumentException otherwise
         */
        public static Mode fromTimmName(String name) {
            if ("min".equals(name)) {
                return MIN;
            }
            if ("max".equals(name)) {
                return MAX;
            }
            throw Checks.invalid("mode", "be min or max", name);
        }
    }

    private static final double EPS = 1e-8;

    private final double decayRate;
    private final long patienceT;
    private final double threshold;
    private final long cooldownT;
    private final long warmupT;
    private final double warmupLrInit;
    private final double lrMin;
    private final Mode mode;

    private final PlateauDecision decision;
    private final double[] lrMins;
    private double[] restoreLrs;

    private PlateauLRScheduler(Builder b) {
        super("plateau", b);
        this.decayRate = b.decayRate;
        this.patienceT = b.patienceT;
        this.threshold = b.threshold;
        this.cooldownT = b.cooldownT;
        this.warmupT = b.warmupT;
        this.warmupLrInit = b.warmupLrInit;
        this.lrMin = b.lrMin;
        this.mode = b.mode;
        this.decision = new PlateauDecision(mode == Mode.MIN, true, threshold, patienceT, cooldownT, decayRate, EPS);
        this.lrMins = new double[groupCount()];
        java.util.Arrays.fill(lrMins, lrMin);
    }

    /**
     * A builder for the given groups.
     *
     * @param groups the groups to drive (your optimizer's, or a {@link org.lr4j.group.ParamGroupList})
     * @return a builder whose other options have timm's defaults
     */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    private double warmupStep(int g) {
        return warmupT > 0 ? (base(g) - warmupLrInit) / warmupT : 1;
    }

    /** {@code step(epoch)} with no metric: nothing is decided (the warmup, the noise still apply). */
    @Override
    public void step(long epoch) {
        step(epoch, false, 0);
    }

    @Override
    public void step(long epoch, double metric) {
        step(epoch, true, metric);
    }

    private void step(long epoch, boolean hasMetric, double metric) {
        checkT("epoch", epoch);
        ParamGroups groups = groups();
        int n = groupCount();
        if (epoch <= warmupT) {
            for (int g = 0; g < n; g++) {
                write(g, warmupLrInit + epoch * warmupStep(g));
            }
            return;
        }
        if (restoreLrs != null) {
            for (int g = 0; g < n; g++) {
                groups.setLr(g, restoreLrs[g]);
            }
            restoreLrs = null;
        }
        if (hasMetric) {
            decision.step(metric, groups, lrMins);
        }
        if (noise().appliesAt(epoch)) {
            double noise = noise().sample(epoch);
            double[] saved = new double[n];
            for (int g = 0; g < n; g++) {
                double old = groups.lr(g);
                saved[g] = old;
                groups.setLr(g, old + old * noise);
            }
            restoreLrs = saved;
        }
    }

    /** Does nothing: plateau steps on epochs only. */
    @Override
    public void stepUpdate(long numUpdates) {
        checkT("num_updates", numUpdates);
    }

    @Override
    public boolean minimises() {
        return mode == Mode.MIN;
    }

    @Override
    public SchedulerState state() {
        SchedulerState s = super.state();
        PlateauState p = new PlateauState(decision.best(), decision.numBadEpochs(), decision.cooldownCounter(),
                restoreLrs == null ? null : toList(restoreLrs));
        return new SchedulerState(s.scheduler(), s.baseValues(), s.lrs(), p);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when the state has no plateau part
     */
    @Override
    public void restore(SchedulerState state) {
        Checks.notNull("state", state);
        state.requireFor(name(), groupCount());
        PlateauState p = state.plateau();
        if (p == null) {
            throw Checks.invalid("state.plateau", "be given for a plateau scheduler", "null");
        }
        super.restore(state);
        decision.restore(p.best(), p.numBadEpochs(), p.cooldownCounter());
        List<Double> r = p.restoreLrs();
        if (r == null) {
            restoreLrs = null;
        } else {
            restoreLrs = new double[r.size()];
            for (int g = 0; g < restoreLrs.length; g++) {
                restoreLrs[g] = r.get(g);
            }
        }
    }

    /** {@return {@code decay_rate}} */
    public double decayRate() {
        return decayRate;
    }

    /** {@return {@code patience_t}} */
    public long patienceT() {
        return patienceT;
    }

    /** {@return {@code threshold}} */
    public double threshold() {
        return threshold;
    }

    /** {@return {@code cooldown_t}} */
    public long cooldownT() {
        return cooldownT;
    }

    /** {@return {@code lr_min}} */
    public double lrMin() {
        return lrMin;
    }

    /** {@return {@code mode}} */
    public Mode mode() {
        return mode;
    }

    /** Options of {@link PlateauLRScheduler}. */
    public static final class Builder extends AbstractLRScheduler.Builder<Builder, PlateauLRScheduler> {
        private double decayRate = 0.1;
        private long patienceT = 10;
        private double threshold = 1e-4;
        private long cooldownT;
        private double lrMin;
        private Mode mode = Mode.MAX;

        private Builder(ParamGroups groups) {
            super(groups, false);
        }

        /**
         * {@code decay_rate}: the factor on a plateau ({@code 0 <= decay_rate < 1}, default 0.1).
         *
         * @param value {@code decay_rate}; {@code build()} refuses one outside {@code [0, 1)}
         * @return this builder
         */
        public Builder decayRate(double value) {
            this.decayRate = value;
            return this;
        }

        /**
         * {@code patience_t}: bad epochs tolerated before a decay ({@code >= 0}, default 10).
         *
         * @param value {@code patience_t}; {@code build()} refuses a negative one
         * @return this builder
         */
        public Builder patienceT(long value) {
            this.patienceT = value;
            return this;
        }

        /**
         * {@code threshold}: the relative improvement that counts as better ({@code >= 0}, default 1e-4).
         *
         * @param value {@code threshold}; {@code build()} refuses a negative or non-finite one
         * @return this builder
         */
        public Builder threshold(double value) {
            this.threshold = value;
            return this;
        }

        /**
         * {@code cooldown_t}: epochs after a decay in which bad epochs are not counted ({@code >= 0}, default 0).
         *
         * @param value {@code cooldown_t}; {@code build()} refuses a negative one
         * @return this builder
         */
        public Builder cooldownT(long value) {
            this.cooldownT = value;
            return this;
        }

        /**
         * {@code lr_min}: the floor of a decay ({@code >= 0}, default 0).
         *
         * @param value {@code lr_min}; {@code build()} refuses a negative or non-finite one
         * @return this builder
         */
        public Builder lrMin(double value) {
            this.lrMin = value;
            return this;
        }

        /**
         * {@code mode}: {@link Mode#MAX} (default) or {@link Mode#MIN}.
         *
         * @param value {@code mode}
         * @return this builder
         */
        public Builder mode(Mode value) {
            this.mode = Checks.notNull("mode", value);
            return this;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also when {@code decay_rate} is outside {@code [0, 1)}, a
         *     count is negative, {@code threshold < 0}, {@code lr_min < 0}, or {@code t_in_epochs} is false
         */
        @Override
        public PlateauLRScheduler build() {
            validateCommon();
            Checks.nonNegative("decay_rate", decayRate);
            if (!(decayRate < 1.0)) {
                throw Checks.invalid("decay_rate", "be < 1 for plateau", decayRate);
            }
            Checks.nonNegative("patience_t", patienceT);
            Checks.nonNegative("threshold", threshold);
            Checks.nonNegative("cooldown_t", cooldownT);
            Checks.nonNegative("lr_min", lrMin);
            if (!tInEpochs) {
                throw Checks.invalid("t_in_epochs", "be true for plateau (it steps on epochs only)", "false");
            }
            if (warmupPrefix) {
                throw Checks.invalid("warmup_prefix", "be false for plateau (it has no prefix)", "true");
            }
            return new PlateauLRScheduler(this);
        }
    }
}
