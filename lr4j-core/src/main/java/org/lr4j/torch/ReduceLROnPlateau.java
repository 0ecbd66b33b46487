package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.List;
import java.util.Map;
import org.lr4j.group.ParamGroups;

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
    private final boolean modeMin;
    private final double factor;
    private final long patience;
    private final double threshold;
    private final boolean relative;
    private final long cooldown;
    private final double[] minLrs;
    private final double eps;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;
    private long lastEpoch;
    private double[] lastLr = new double[0];

    private ReduceLROnPlateau(Builder b, double[] minLrs) {
        this.groups = b.groups;
        this.n = groups.size();
        this.modeMin = b.mode.equals("min");
        this.factor = b.factor;
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.relative = b.thresholdMode.equals("rel");
        this.cooldown = b.cooldown;
        this.minLrs = minLrs;
        this.eps = b.eps;
        this.best = worse();
    }

    /** A builder with PyTorch's defaults. */
    public static Builder builder(ParamGroups groups) {
        return new Builder(groups);
    }

    private double worse() {
        return modeMin ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
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

    private boolean isBetter(double a) {
        if (modeMin && relative) {
            return a < best * (1.0 - threshold);
        } else if (modeMin) {
            return a < best - threshold;
        } else if (relative) {
            return a > best * (threshold + 1.0);
        }
        return a > best + threshold;
    }

    @Override
    public void step(double metric) {
        lastEpoch = lastEpoch + 1;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            for (int g = 0; g < n; g++) {
                double oldLr = groups.lr(g);
                double newLr = Math.max(oldLr * factor, minLrs[g]);
                if (oldLr - newLr > eps) {
                    groups.setLr(g, newLr);
                }
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
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
                Map.of("best", best, "num_bad_epochs", (double) numBadEpochs, "cooldown_counter",
                        (double) cooldownCounter), List.of());
    }

    @Override
    public void restore(TorchState state) {
        if (state == null) {
            throw new NullPointerException("state must be given, got null");
        }
        if (!state.scheduler().equals(name())) {
            throw new InvalidValueException("state.scheduler", "must be " + name() + " (the scheduler restored)",
                    String.valueOf(state.scheduler()));
        }
        if (state.lrs().size() != n) {
            throw new InvalidValueException("state.lrs", "must hold one value per group (" + n + ")",
                    String.valueOf(state.lrs().size()));
        }
        double b = state.counter("best");
        if (Double.isNaN(b)) {
            throw new IllegalArgumentException("state.counters.best must be a number or an infinity, got NaN");
        }
        best = b;
        numBadEpochs = (long) state.counter("num_bad_epochs");
        cooldownCounter = (long) state.counter("cooldown_counter");
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

        /** {@code mode}: {@code "min"} (default) or {@code "max"}. */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** {@code factor}: {@code new_lr = lr * factor}, below 1 (default 0.1). */
        public Builder factor(double value) {
            this.factor = value;
            return this;
        }

        /** {@code patience}: steps without improvement tolerated (default 10). */
        public Builder patience(long value) {
            this.patience = value;
            return this;
        }

        /** {@code threshold} (default 1e-4). */
        public Builder threshold(double value) {
            this.threshold = value;
            return this;
        }

        /** {@code threshold_mode}: {@code "rel"} (default) or {@code "abs"}. */
        public Builder thresholdMode(String value) {
            this.thresholdMode = value;
            return this;
        }

        /** {@code cooldown}: steps to wait after a reduction (default 0). */
        public Builder cooldown(long value) {
            this.cooldown = value;
            return this;
        }

        /** {@code min_lr}: one floor or one per group (default 0). */
        public Builder minLr(double... value) {
            this.minLr = value.clone();
            return this;
        }

        /** {@code eps}: the smallest reduction applied (default 1e-8). */
        public Builder eps(double value) {
            this.eps = value;
            return this;
        }

        /**
         * Builds the scheduler (no initial step: PyTorch's {@code ReduceLROnPlateau} has none).
         *
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
