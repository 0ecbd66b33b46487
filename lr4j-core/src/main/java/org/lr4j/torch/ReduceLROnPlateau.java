package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.List;
import java.util.Map;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PlateauDecision;

/**
 * PyTorch's {@code ReduceLROnPlateau}: multiplies every group's rate by {@code factor} (not below its
 * {@code min_lr}) when the metric has not improved for more than {@code patience} steps, then waits
 * {@code cooldown} steps. Improvement, for {@code best} the best metric so far:
 * <pre>
 *   min, rel: a &lt; best * (1 - threshold)      min, abs: a &lt; best - threshold
 *   max, rel: a &gt; best * (threshold + 1)      max, abs: a &gt; best + threshold
 * </pre>
 * A reduction applies only where {@code old_lr - new_lr > eps}. Unlike the other schedulers it does not
 * step at construction and does not touch {@code initial_lr}; {@link #step()} without a metric raises.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.1}, {@code patience = 0}, metrics
 * 1, 1: 0.1 after the first step, {@code 0.010000000000000002} after the second.
 */
public final class ReduceLROnPlateau implements TorchScheduler {
    private final ParamGroups groups;
    private final int n;
    private final double[] minLrs;
    private final PlateauDecision decision;
    private long lastEpoch;
    private double[] lastLr = new double[0];

    private ReduceLROnPlateau(Builder b, double[] minLrs) {
        this.groups = b.groups;
        this.n = groups.size();
        this.minLrs = minLrs;
        this.decision = new PlateauDecision(b.mode.equals("min"), b.thresholdMode.equals("rel"), b.threshold,
                b.patience, b.cooldown, b.factor, b.eps);
    }

    /**
     * A builder with PyTorch's defaults.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    @Override
    public String name() {
        return "ReduceLROnPlateau";
    }

    @Override
    public ParamGroups groups() {
        return groups;
    }

    @Override
    public boolean needsMetric() {
        return true;
    }

    /**
     * Always raises: PyTorch's {@code step(metrics)} needs the metric.
     *
     * @throws IllegalStateException always
     */
    @Override
    public void step() {
        throw new IllegalStateException("ReduceLROnPlateau.step needs a metric (step(metrics)), got none");
    }

    @Override
    public void step(double metric) {
        lastEpoch = lastEpoch + 1;
        decision.step(metric, groups, minLrs);
        lastLr = groups.lrs();
    }

    @Override
    public long lastEpoch() {
        return lastEpoch;
    }

    @Override
    public double[] lastLr() {
        return lastLr.clone();
    }

    @Override
    public TorchState state() {
        List<Double> initial = new java.util.ArrayList<>();
        for (int g = 0; g < n; g++) {
            initial.add(groups.hasInitialLr(g) ? groups.initialLr(g) : groups.lr(g));
        }
        return new TorchState(name(), lastEpoch, 0, List.of(), AbstractTorchScheduler.list(lastLr),
                AbstractTorchScheduler.list(groups.lrs()), initial, List.of(),
                Map.of("best", decision.best(), "num_bad_epochs", (double) decision.numBadEpochs(),
                        "cooldown_counter", (double) decision.cooldownCounter()), List.of());
    }

    @Override
    public void restore(TorchState state) {
        if (state == null) {
            throw new NullPointerException("state must be given, got null");
        }
        state.requireFor(name());
        if (state.lrs().size() != n) {
            throw new InvalidValueException("state.lrs", "must hold one value per group (" + n + ")",
                    String.valueOf(state.lrs().size()));
        }
        double b = state.counter("best");
        if (Double.isNaN(b)) {
            throw new InvalidValueException("state.counters.best", "must be a number or an infinity", "NaN");
        }
        decision.restore(b, (long) state.counter("num_bad_epochs"), (long) state.counter("cooldown_counter"));
        lastEpoch = state.lastEpoch();
        lastLr = AbstractTorchScheduler.array(state.lastLr());
        for (int g = 0; g < n; g++) {
            groups.setLr(g, state.lrs().get(g));
        }
    }

    /** Options of {@link ReduceLROnPlateau}, with PyTorch's defaults. */
    public static final class Builder {
        private final ParamGroups groups;
        private String mode = "min";
        private double factor = 0.1;
        private long patience = 10;
        private double threshold = 1e-4;
        private String thresholdMode = "rel";
        private long cooldown;
        private double[] minLr = {0};
        private double eps = 1e-8;

        private Builder(ParamGroups groups) {
            this.groups = groups;
        }

        /**
         * {@code mode}: {@code "min"} (default) or {@code "max"}.
         *
         * @param value {@code mode}
         * @return this builder
         */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /**
         * {@code factor}: {@code new_lr = lr * factor}, below 1 (default 0.1).
         *
         * @param value {@code factor}
         * @return this builder
         */
        public Builder factor(double value) {
            this.factor = value;
            return this;
        }

        /**
         * {@code patience}: steps without improvement tolerated (default 10).
         *
         * @param value {@code patience}
         * @return this builder
         */
        public Builder patience(long value) {
            this.patience = value;
            return this;
        }

        /**
         * {@code threshold} (default 1e-4).
         *
         * @param value {@code threshold}
         * @return this builder
         */
        public Builder threshold(double value) {
            this.threshold = value;
            return this;
        }

        /**
         * {@code threshold_mode}: {@code "rel"} (default) or {@code "abs"}.
         *
         * @param value {@code threshold_mode}
         * @return this builder
         */
        public Builder thresholdMode(String value) {
            this.thresholdMode = value;
            return this;
        }

        /**
         * {@code cooldown}: steps to wait after a reduction (default 0).
         *
         * @param value {@code cooldown}
         * @return this builder
         */
        public Builder cooldown(long value) {
            this.cooldown = value;
            return this;
        }

        /**
         * {@code min_lr}: one floor or one per group (default 0).
         *
         * @param value {@code min_lr}
         * @return this builder
         */
        public Builder minLr(double... value) {
            this.minLr = value.clone();
            return this;
        }

        /**
         * {@code eps}: the smallest reduction applied (default 1e-8).
         *
         * @param value {@code eps}
         * @return this builder
         */
        public Builder eps(double value) {
            this.eps = value;
            return this;
        }

        /**
         * Builds the scheduler (no initial step: PyTorch's {@code ReduceLROnPlateau} has none).
         *
         * @return the scheduler
         * @throws NullPointerException when the groups or a value is null
         * @throws IllegalArgumentException where PyTorch raises {@code ValueError}: {@code factor >= 1},
         *     {@code min_lr} neither one value nor one per group, an unknown {@code mode} or
         *     {@code threshold_mode}; and when a number is not finite
         */
        public ReduceLROnPlateau build() {
            AbstractTorchScheduler.checkGroups(groups);
            TorchChecks.finite("factor", factor);
            if (!(factor < 1.0)) {
                throw new InvalidValueException("factor", "must be < 1.0 (Factor should be < 1.0.)",
                        String.valueOf(factor));
            }
            double[] mins = AbstractTorchScheduler.perGroup("min_lr", TorchChecks.notNull("min_lr", minLr),
                    groups.size());
            for (double v : mins) {
                TorchChecks.finite("min_lr", v);
            }
            TorchChecks.notNull("mode", mode);
            if (!mode.equals("min") && !mode.equals("max")) {
                throw new InvalidValueException("mode", "must be min or max (mode " + mode + " is unknown!)",
                        String.valueOf(mode));
            }
            TorchChecks.notNull("threshold_mode", thresholdMode);
            if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
                throw new InvalidValueException("threshold_mode", "must be rel or abs (threshold mode " + thresholdMode + " is unknown!)",
                        String.valueOf(thresholdMode));
            }
            TorchChecks.finite("threshold", threshold);
            TorchChecks.finite("eps", eps);
            return new ReduceLROnPlateau(this, mins);
        }
    }
}
