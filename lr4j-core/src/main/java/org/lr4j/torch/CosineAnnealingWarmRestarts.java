package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
import java.util.Map;
import org.lr4j.group.ParamGroups;

/**
 * PyTorch's {@code CosineAnnealingWarmRestarts} (SGDR): a cosine from the base rate to {@code eta_min}
 * over {@code T_i} epochs, restarted with {@code T_i = T_i * T_mult},
 * <pre>
 *   lr = eta_min + (initial_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2
 * </pre>
 * where each step does {@code T_cur += 1} and, when {@code T_cur >= T_i}, {@code T_cur -= T_i},
 * {@code T_i *= T_mult}.
 *
 * <p>Example (asserted by {@code TorchBuildersTest}): {@code lr = 0.1}, {@code T_0 = 5},
 * {@code T_mult = 2}, {@code eta_min = 1e-4}: 0.1 at epochs 0, 5 and 15 (restarts).
 */
public final class CosineAnnealingWarmRestarts extends AbstractTorchScheduler {
    private final long t0;
    private final long tMult;
    private final double etaMin;
    private long tI;
    private double tCur;

    private CosineAnnealingWarmRestarts(Builder b) {
        super("CosineAnnealingWarmRestarts", b.groups);
        this.t0 = b.t0;
        this.tMult = b.tMult;
        this.etaMin = b.etaMin;
        this.tI = b.t0;
        this.tCur = -1;
    }

    /**
     * A builder: the groups and {@code T_0}, the first period in epochs.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param t0 {@code T_0}
     * @return a builder with PyTorch's defaults for the other arguments
     */
    public static Builder builder(ParamGroups groups, long t0) {
        return new Builder(groups, t0);
    }

    @Override
    double[] getLr() {
        double[] out = new double[n];
        double c = 1 + Math.cos(Math.PI * tCur / tI);
        for (int g = 0; g < n; g++) {
            out[g] = etaMin + (baseLrs[g] - etaMin) * c / 2;
        }
        return out;
    }

    @Override
    public void step() {
        if (lastEpoch < 0) {
            stepAt(0);
            return;
        }
        stepCount++;
        lastEpoch++;
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur - tI;
            tI = tI * tMult;
        }
        write(getLr());
    }

    @Override
    void stepAt(long epoch) {
        if (epoch < 0) {
            throw new IllegalStateException("epoch must be >= 0 (Expected non-negative epoch), got " + epoch);
        }
        stepCount++;
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                long k = (long) (Math.log(epoch / (double) t0 * (tMult - 1) + 1) / Math.log(tMult));
                double pw = Math.pow(tMult, k);
                tCur = epoch - t0 * (pw - 1) / (tMult - 1);
                tI = t0 * (long) pw;
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = epoch;
        write(getLr());
    }

    @Override
    Map<String, Double> counters() {
        return Map.of("T_cur", tCur, "T_i", (double) tI);
    }

    @Override
    void restoreCounters(TorchState state) {
        tCur = state.counter("T_cur");
        tI = (long) state.counter("T_i");
    }

    /** Options of {@link CosineAnnealingWarmRestarts}. */
    public static final class Builder {
        private final ParamGroups groups;
        private final long t0;
        private long tMult = 1;
        private double etaMin;

        private Builder(ParamGroups groups, long t0) {
            this.groups = groups;
            this.t0 = t0;
        }

        /**
         * {@code T_mult}: the factor of each next period, an integer {@code >= 1} (default 1).
         *
         * @param value {@code T_mult}
         * @return this builder
         */
        public Builder tMult(long value) {
            this.tMult = value;
            return this;
        }

        /**
         * {@code eta_min}: the floor (default 0).
         *
         * @param value {@code eta_min}
         * @return this builder
         */
        public Builder etaMin(double value) {
            this.etaMin = value;
            return this;
        }

        /**
         * Builds the scheduler and performs PyTorch's initial step.
         *
         * @return the scheduler
         * @throws NullPointerException when the groups are null
         * @throws IllegalArgumentException when {@code T_0 <= 0} or {@code T_mult < 1} (PyTorch's
         *     {@code ValueError}), {@code eta_min} is not finite, or a group has no {@code lr}
         */
        public CosineAnnealingWarmRestarts build() {
            if (t0 <= 0) {
                throw new InvalidValueException("T_0", "must be a positive integer (Expected positive integer T_0)",
                        String.valueOf(t0));
            }
            if (tMult < 1) {
                throw new InvalidValueException("T_mult", "must be an integer >= 1 (Expected integer T_mult >= 1)",
                        String.valueOf(tMult));
            }
            TorchChecks.finite("eta_min", etaMin);
            CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(this);
            s.initialStep();
            return s;
        }
    }
}
