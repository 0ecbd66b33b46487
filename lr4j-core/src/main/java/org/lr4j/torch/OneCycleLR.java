package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code OneCycleLR} (the 1cycle policy): the rate rises from {@code max_lr / div_factor} to
 * {@code max_lr} over {@code pct_start} of {@code total_steps}, then anneals to
 * {@code initial_lr / final_div_factor} (or, with {@code three_phase}, back to the initial rate first);
 * the momentum moves inversely between {@code max_momentum} and {@code base_momentum}. Phases end at
 * steps {@code pct_start * total_steps - 1} (and {@code 2 * pct_start * total_steps - 2}) and
 * {@code total_steps - 1}; in each,
 * <pre>
 *   pct = (step - start) / (end - start)
 *   cos:    end_value + (start_value - end_value) / 2.0 * (cos(pi * pct) + 1)
 *   linear: (end_value - start_value) * pct + start_value
 * </pre>
 * Construction writes every group's {@code initial_lr = max_lr / div_factor} and, with
 * {@code cycle_momentum}, its momentum (SGD's {@code momentum} or Adam's {@code betas[0]}) to
 * {@code max_momentum}. Step {@code total_steps} still answers (the last phase's formula beyond its
 * end, as PyTorch does); the step after it raises, as PyTorch's {@code ValueError: Tried to step
 * total_steps + 2 times}.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code max_lr = 0.1}, {@code total_steps = 100}:
 * {@code 0.0040000000000000036} after construction, {@code 0.1} after 29 steps, {@code 4e-07} after 99;
 * the 101st step raises.
 */
public final class OneCycleLR extends AbstractTorchScheduler {
    private final long totalSteps;
    private final double[] endSteps;
    private final boolean threePhase;
    private final boolean cosine;
    private final double[] maxLrs;
    private final double[] minLrs;
    private final double[][] momentums;

    private OneCycleLR(Builder b, long totalSteps, double[] maxLrs, double[] minLrs, double[][] momentums) {
        super("OneCycleLR", b.groups);
        this.totalSteps = totalSteps;
        this.threePhase = b.threePhase;
        this.endSteps = threePhase
                ? new double[] {b.pctStart * totalSteps - 1, 2 * b.pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {b.pctStart * totalSteps - 1, totalSteps - 1};
        this.cosine = b.annealStrategy.equals("cos");
        this.maxLrs = maxLrs;
        this.minLrs = minLrs;
        this.momentums = momentums;
    }

    /**
     * A builder: the groups and {@code max_lr}, one value or one per group.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param maxLr {@code max_lr}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, double... maxLr) {
        return new Builder(groups, maxLr);
    }

    /** {@return {@code total_steps} (given, or {@code epochs * steps_per_epoch})} */
    public long totalSteps() {
        return totalSteps;
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    /** The start and end values of phase {@code i} for group {@code g}: lr start, lr end, momentum start, momentum end. */
    private double[] phaseValues(int i, int g) {
        double initial = groups.initialLr(g);
        double[] m = momentums != null ? new double[] {momentums[1][g], momentums[0][g]} : new double[] {0, 0};
        if (i == 0) {
            return new double[] {initial, maxLrs[g], m[0], m[1]};
        }
        if (threePhase && i == 1) {
            return new double[] {maxLrs[g], initial, m[1], m[0]};
        }
        return threePhase ? new double[] {initial, minLrs[g], m[0], m[0]} : new double[] {maxLrs[g], minLrs[g], m[1], m[0]};
    }

    @Override
    double[] getLr() {
        long stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("OneCycleLR stepped past total_steps (Tried to step " + (stepNum + 1)
                    + " times. The specified number of total steps is " + totalSteps + ")");
        }
        double[] out = new double[n];
        for (int g = 0; g < n; g++) {
            double startStep = 0;
            for (int i = 0; i < endSteps.length; i++) {
                double endStep = endSteps[i];
                if (stepNum <= endStep || i == endSteps.length - 1) {
                    double pct = PyOps.div(stepNum - startStep, endStep - startStep);
                    double[] v = phaseValues(i, g);
                    out[g] = anneal(v[0], v[1], pct);
                    if (momentums != null) {
                        groups.setMomentum(g, anneal(v[2], v[3], pct));
                    }
                    break;
                }
                startStep = endStep;
            }
        }
        return out;
    }

    /** Options of {@link OneCycleLR}, with PyTorch's defaults. */
    public static final class Builder extends MomentumCycling<Builder> {
        private final ParamGroups groups;
        private final double[] maxLr;
        private Long totalSteps;
        private Long epochs;
        private Long stepsPerEpoch;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private double divFactor = 25.0;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        private Builder(ParamGroups groups, double[] maxLr) {
            super(0.85, 0.95);
            this.groups = groups;
            this.maxLr = maxLr;
        }

        /**
         * {@code total_steps}; or give {@code epochs} and {@code steps_per_epoch}.
         *
         * @param value {@code total_steps}
         * @return this builder
         */
        public Builder totalSteps(long value) {
            this.totalSteps = value;
            return this;
        }

        /**
         * {@code epochs} (with {@code steps_per_epoch}, when {@code total_steps} is not given).
         *
         * @param value {@code epochs}
         * @return this builder
         */
        public Builder epochs(long value) {
            this.epochs = value;
            return this;
        }

        /**
         * {@code steps_per_epoch} (with {@code epochs}).
         *
         * @param value {@code steps_per_epoch}
         * @return this builder
         */
        public Builder stepsPerEpoch(long value) {
            this.stepsPerEpoch = value;
            return this;
        }

        /**
         * {@code pct_start}: the share of the steps spent rising, in [0, 1] (default 0.3).
         *
         * @param value {@code pct_start}
         * @return this builder
         */
        public Builder pctStart(double value) {
            this.pctStart = value;
            return this;
        }

        /**
         * {@code anneal_strategy}: {@code "cos"} (default) or {@code "linear"}.
         *
         * @param value {@code anneal_strategy}
         * @return this builder
         */
        public Builder annealStrategy(String value) {
            this.annealStrategy = value;
            return this;
        }

        /**
         * {@code div_factor}: {@code initial_lr = max_lr / div_factor} (default 25).
         *
         * @param value {@code div_factor}
         * @return this builder
         */
        public Builder divFactor(double value) {
            this.divFactor = value;
            return this;
        }

        /**
         * {@code final_div_factor}: {@code min_lr = initial_lr / final_div_factor} (default 1e4).
         *
         * @param value {@code final_div_factor}
         * @return this builder
         */
        public Builder finalDivFactor(double value) {
            this.finalDivFactor = value;
            return this;
        }

        /**
         * {@code three_phase} (default false).
         *
         * @param value {@code three_phase}
         * @return this builder
         */
        public Builder threePhase(boolean value) {
            this.threePhase = value;
            return this;
        }

        /**
         * Builds the scheduler: writes the groups' {@code initial_lr} (and momentum), then performs
         * PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups or a value list is null
         * @throws IllegalArgumentException where PyTorch raises {@code ValueError}: neither
         *     {@code total_steps} nor {@code epochs} and {@code steps_per_epoch}; a non-positive
         *     {@code total_steps}, {@code epochs} or {@code steps_per_epoch}; {@code pct_start} outside
         *     [0, 1]; an unknown {@code anneal_strategy}; a list neither one value nor one per group;
         *     {@code cycle_momentum} on groups without momentum; and where its formula divides by zero at
         *     the initial step ({@code div_factor} or {@code final_div_factor} 0, or a first phase that
         *     ends at step 0)
         */
        public OneCycleLR build() {
            checkGroups(groups);
            int n = groups.size();
            long total;
            if (totalSteps == null && epochs == null && stepsPerEpoch == null) {
                throw new InvalidValueException("total_steps", "must be given, or epochs and steps_per_epoch (You must"
                        + " define either total_steps OR (epochs AND steps_per_epoch))", "none");
            } else if (totalSteps != null) {
                if (totalSteps <= 0) {
                    throw new InvalidValueException("total_steps", "must be a positive integer (Expected positive" + " integer total_steps)",
                            String.valueOf(totalSteps));
                }
                total = totalSteps;
            } else {
                if (epochs == null || epochs <= 0) {
                    throw new InvalidValueException("epochs", "must be a positive integer (Expected positive integer" + " epochs)",
                            String.valueOf((epochs == null ? "None" : epochs)));
                }
                if (stepsPerEpoch == null || stepsPerEpoch <= 0) {
                    throw new InvalidValueException("steps_per_epoch", "must be a positive integer (Expected positive" + " integer steps_per_epoch)",
                            String.valueOf((stepsPerEpoch == null ? "None" : stepsPerEpoch)));
                }
                total = Math.multiplyExact(epochs, stepsPerEpoch);
            }
            if (!(pctStart >= 0 && pctStart <= 1)) {
                throw new InvalidValueException("pct_start", "must be a float between 0 and 1 (Expected float between 0" + " and 1 pct_start)",
                        String.valueOf(pctStart));
            }
            TorchChecks.notNull("anneal_strategy", annealStrategy);
            if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
                throw new InvalidValueException("anneal_strategy", "must be 'cos' or 'linear' (anneal_strategy must by" + " one of 'cos' or 'linear')",
                        String.valueOf(annealStrategy));
            }
            double[] max = perGroup("max_lr", TorchChecks.notNull("max_lr", maxLr), n);
            for (double v : max) {
                TorchChecks.finite("max_lr", v);
            }
            TorchChecks.finite("div_factor", divFactor);
            TorchChecks.finite("final_div_factor", finalDivFactor);
            for (String name : new String[] {"div_factor", "final_div_factor"}) {
                double v = name.equals("div_factor") ? divFactor : finalDivFactor;
                if (v == 0) {
                    throw new InvalidValueException(name, "must not be 0 (PyTorch divides by it)", String.valueOf(v));
                }
            }
            double[] min = new double[n];
            for (int g = 0; g < n; g++) {
                min[g] = max[g] / divFactor / finalDivFactor;
            }
            double[][] momentums = momentums(groups, "momentum or betas");
            for (int g = 0; g < n; g++) {
                groups.setInitialLr(g, max[g] / divFactor);
            }
            if (momentums != null) {
                for (int g = 0; g < n; g++) {
                    groups.setMomentum(g, momentums[1][g]);
                }
            }
            OneCycleLR s = new OneCycleLR(this, total, max, min, momentums);
            s.initialStep();
            return s;
        }
    }
}
