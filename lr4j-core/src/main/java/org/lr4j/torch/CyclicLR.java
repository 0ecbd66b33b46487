package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.function.DoubleUnaryOperator;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.PyOps;

/**
 * PyTorch's {@code CyclicLR}: the rate cycles between {@code base_lr} and {@code max_lr} (triangular,
 * halving {@code triangular2}, {@code exp_range} or a custom {@code scale_fn}), the momentum inversely
 * between {@code max_momentum} and {@code base_momentum}:
 * <pre>
 *   cycle = floor(1 + epoch / total_size);  x = 1.0 + epoch / total_size - cycle
 *   scale = x / step_ratio  if x &lt;= step_ratio  else (x - 1) / (step_ratio - 1)
 *   lr = base_lr + (max_lr - base_lr) * scale * scale_fn(cycle or epoch)
 *   momentum = max_momentum - (max_momentum - base_momentum) * scale * scale_fn(cycle or epoch)
 * </pre>
 * with {@code total_size = step_size_up + step_size_down}, {@code step_ratio = step_size_up / total_size}.
 * Construction sets every group's {@code lr} to {@code base_lr} and, with {@code cycle_momentum}, its
 * momentum to {@code base_momentum}.
 *
 * <p>Momentum: SGD's {@code momentum}, or Adam's {@code betas[0]} ({@link org.lr4j.group.MomentumKind#BETA1}). PyTorch
 * 1.13 refuses Adam here ({@code 'momentum' not in optimizer.defaults}); current PyTorch cycles
 * {@code betas[0]}, and lr4j follows current PyTorch (docs/schedulers.md). With {@code cycle_momentum}
 * the groups must carry a momentum.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code base_lr = 0.001}, {@code max_lr = 0.1},
 * {@code step_size_up = 5}, triangular2: 0.001 at epoch 0, 0.1 at epoch 5, 0.0505 at epoch 15.
 */
public final class CyclicLR extends AbstractTorchScheduler {
    /** PyTorch's modes. */
    public enum Mode {
        /** Constant amplitude. */
        TRIANGULAR("triangular"),
        /** Amplitude halved every cycle. */
        TRIANGULAR2("triangular2"),
        /** Amplitude {@code gamma ** epoch}. */
        EXP_RANGE("exp_range");

        private final String pythonName;

        Mode(String pythonName) {
            this.pythonName = pythonName;
        }

        /** {@return PyTorch's spelling} */
        public String pythonName() {
            return pythonName;
        }

        /**
         * The mode PyTorch spells {@code name}.
         *
         * @param name {@code triangular}, {@code triangular2} or {@code exp_range}
         * @return the mode
         * @throws IllegalArgumentException for another name
         */
        public static Mode of(String name) {
            for (Mode m : values()) {
                if (m.pythonName.equals(name)) {
                    return m;
                }
            }
            throw new InvalidValueException("mode", "must be triangular, triangular2 or exp_range (mode is invalid and" + " scale_fn is None)",
                    String.valueOf(name));
        }
    }

    private final double[] maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final Mode mode;
    private final double gamma;
    private final DoubleUnaryOperator scaleFn;
    private final boolean scaleByCycle;
    private final double[][] momentums;

    private CyclicLR(Builder b, double[][] momentums) {
        super("CyclicLR", b.groups);
        this.maxLrs = perGroup("max_lr", b.maxLr, n);
        double up = b.stepSizeUp;
        double down = Double.isNaN(b.stepSizeDown) ? up : b.stepSizeDown;
        this.totalSize = up + down;
        this.stepRatio = PyOps.div(up, totalSize);
        this.mode = b.mode;
        this.gamma = b.gamma;
        this.scaleFn = b.scaleFn;
        this.scaleByCycle = b.scaleFn != null ? b.scaleModeCycle : mode != Mode.EXP_RANGE;
        this.momentums = momentums;
    }

    /**
     * A builder: the groups, {@code base_lr} and {@code max_lr}, each one value or one per group.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param baseLr {@code base_lr}
     * @param maxLr {@code max_lr}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, double[] baseLr, double[] maxLr) {
        return new Builder(groups, baseLr, maxLr);
    }

    /**
     * A builder with one {@code base_lr} and one {@code max_lr} for every group.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param baseLr {@code base_lr}
     * @param maxLr {@code max_lr}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, double baseLr, double maxLr) {
        return new Builder(groups, new double[] {baseLr}, new double[] {maxLr});
    }

    private double scale(double x) {
        if (scaleFn != null) {
            return scaleFn.applyAsDouble(x);
        }
        return switch (mode) {
            case TRIANGULAR -> 1.0;
            case TRIANGULAR2 -> 1 / Math.pow(2.0, x - 1);
            case EXP_RANGE -> Math.pow(gamma, x);
        };
    }

    @Override
    double[] getLr() {
        double cycle = Math.floor(1 + PyOps.div(lastEpoch, totalSize));
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? PyOps.div(x, stepRatio) : PyOps.div(x - 1, stepRatio - 1);
        double s = scale(scaleByCycle ? cycle : lastEpoch);
        double[] out = new double[n];
        for (int g = 0; g < n; g++) {
            double baseHeight = (maxLrs[g] - baseLrs[g]) * scaleFactor;
            out[g] = baseLrs[g] + baseHeight * s;
        }
        if (momentums != null) {
            for (int g = 0; g < n; g++) {
                double baseHeight = (momentums[1][g] - momentums[0][g]) * scaleFactor;
                groups.setMomentum(g, momentums[1][g] - baseHeight * s);
            }
        }
        return out;
    }

    /** Options of {@link CyclicLR}, with PyTorch's defaults. */
    public static final class Builder extends MomentumCycling<Builder> {
        private final ParamGroups groups;
        private final double[] baseLr;
        private final double[] maxLr;
        private double stepSizeUp = 2000;
        private double stepSizeDown = Double.NaN;
        private Mode mode = Mode.TRIANGULAR;
        private double gamma = 1.0;
        private DoubleUnaryOperator scaleFn;
        private boolean scaleModeCycle = true;

        private Builder(ParamGroups groups, double[] baseLr, double[] maxLr) {
            super(0.8, 0.9);
            this.groups = groups;
            this.baseLr = baseLr;
            this.maxLr = maxLr;
        }

        /**
         * {@code step_size_up}: epochs of the rising half (default 2000).
         *
         * @param value {@code step_size_up}
         * @return this builder
         */
        public Builder stepSizeUp(double value) {
            this.stepSizeUp = value;
            return this;
        }

        /**
         * {@code step_size_down}: epochs of the falling half (default: {@code step_size_up}).
         *
         * @param value {@code step_size_down}
         * @return this builder
         */
        public Builder stepSizeDown(double value) {
            this.stepSizeDown = value;
            return this;
        }

        /**
         * {@code mode} (default triangular).
         *
         * @param value {@code mode}
         * @return this builder
         */
        public Builder mode(Mode value) {
            this.mode = TorchChecks.notNull("mode", value);
            return this;
        }

        /**
         * {@code gamma}: {@code exp_range}'s factor (default 1).
         *
         * @param value {@code gamma}
         * @return this builder
         */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /**
         * {@code scale_fn} and {@code scale_mode}: a custom amplitude, of the cycle number
         * ({@code cycleMode = true}, PyTorch's {@code 'cycle'}) or of the epoch ({@code 'iterations'});
         * it replaces {@code mode}.
         *
         * @param fn {@code scale_fn}
         * @param cycleMode true for {@code scale_mode="cycle"} (the function of the cycle number), false for {@code "iterations"}
         * @return this builder
         */
        public Builder scaleFn(DoubleUnaryOperator fn, boolean cycleMode) {
            this.scaleFn = TorchChecks.notNull("scale_fn", fn);
            this.scaleModeCycle = cycleMode;
            return this;
        }

        /**
         * Builds the scheduler: sets every group's {@code lr} to {@code base_lr} (and momentum to
         * {@code base_momentum}), then performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups or a value list is null
         * @throws IllegalArgumentException when a list is neither one value nor one per group, a value is
         *     not finite, {@code cycle_momentum} is set on groups without momentum (PyTorch: optimizer must
         *     support momentum with `cycle_momentum` option enabled), or the step sizes make PyTorch
         *     divide by zero ({@code step_size_up + step_size_down = 0}, or {@code step_size_up = 0})
         */
        public CyclicLR build() {
            checkGroups(groups);
            int n = groups.size();
            double[] base = perGroup("base_lr", TorchChecks.notNull("base_lr", baseLr), n);
            perGroup("max_lr", TorchChecks.notNull("max_lr", maxLr), n);
            for (double v : base) {
                TorchChecks.finite("base_lr", v);
            }
            for (double v : maxLr) {
                TorchChecks.finite("max_lr", v);
            }
            TorchChecks.finite("step_size_up", stepSizeUp);
            if (!Double.isNaN(stepSizeDown)) {
                TorchChecks.finite("step_size_down", stepSizeDown);
            }
            TorchChecks.finite("gamma", gamma);
            double up = stepSizeUp;
            double down = Double.isNaN(stepSizeDown) ? up : stepSizeDown;
            if (up + down == 0) {
                throw new InvalidValueException("step_size_up", "+ step_size_down must not be 0 (PyTorch divides by" + " it: float division by zero)",
                        String.valueOf(up + " + " + down));
            }
            for (int g = 0; g < n; g++) {
                groups.setLr(g, base[g]);
            }
            double[][] momentums = momentums(groups, "momentum");
            if (momentums != null) {
                for (int g = 0; g < n; g++) {
                    groups.setMomentum(g, momentums[0][g]);
                }
            }
            CyclicLR s = new CyclicLR(this, momentums);
            s.initialStep();
            s.baseLrs = base;
            return s;
        }
    }
}
