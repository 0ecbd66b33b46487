package org.lr4j.transformers;

import java.util.function.LongToDoubleFunction;
import org.lr4j.internal.PyOps;

/**
 * transformers' schedule factors ({@code transformers/optimization.py}, the {@code _get_..._lr_lambda}
 * functions): each is the {@code lr_lambda} of a PyTorch {@code LambdaLR}, the multiplier of every
 * group's {@code initial_lr} at step {@code current_step}, computed with transformers' float operations
 * in its order. Immutable values; build them through {@link Transformers}.
 */
public sealed interface ScheduleLambda extends LongToDoubleFunction {
    /** {@return transformers' function that builds this factor: {@code get_linear_schedule_with_warmup}, ...} */
    String functionName();

    /**
     * The factor at {@code current_step}.
     *
     * @param currentStep {@code current_step}, the scheduler's step count
     * @return the factor by which the group's initial rate is multiplied
     * @throws ArithmeticException where transformers' formula raises
     */
    double factor(long currentStep);

    @Override
    default double applyAsDouble(long currentStep) {
        return factor(currentStep);
    }

    /** The warmup shared by most: {@code current_step / max(1, num_warmup_steps)}. */
    private static double warmup(long step, long warmup) {
        return (double) step / (double) Math.max(1, warmup);
    }

    /** {@code get_constant_schedule}: 1. */
    record Constant() implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_constant_schedule";
        }

        @Override
        public double factor(long currentStep) {
            return 1;
        }
    }

    /** {@code get_constant_schedule_with_warmup}: {@code step / max(1.0, num_warmup_steps)} during the warmup, then 1. */
    record ConstantWithWarmup(long numWarmupSteps) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_constant_schedule_with_warmup";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return (double) currentStep / Math.max(1.0, numWarmupSteps);
            }
            return 1.0;
        }
    }

    /** {@code get_linear_schedule_with_warmup}: then {@code max(0, (T - step) / max(1, T - warmup))}. */
    record LinearWithWarmup(long numWarmupSteps, long numTrainingSteps) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_linear_schedule_with_warmup";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return warmup(currentStep, numWarmupSteps);
            }
            return Math.max(0.0, (double) (numTrainingSteps - currentStep)
                    / (double) Math.max(1, numTrainingSteps - numWarmupSteps));
        }
    }

    /**
     * {@code get_cosine_schedule_with_warmup} ({@code minLrRate = 0}) and
     * {@code get_cosine_with_min_lr_schedule_with_warmup}: then, for
     * {@code p = (step - warmup) / max(1, T - warmup)},
     * {@code max(0, f (1 - min_lr_rate) + min_lr_rate)} with {@code f = 0.5 (1 + cos(pi * num_cycles * 2 * p))}.
     */
    record CosineWithWarmup(long numWarmupSteps, long numTrainingSteps, double numCycles, double minLrRate,
            String functionName) implements ScheduleLambda {
        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return warmup(currentStep, numWarmupSteps);
            }
            double progress = (double) (currentStep - numWarmupSteps) / (double) Math.max(1, numTrainingSteps - numWarmupSteps);
            double f = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
            f = f * (1 - minLrRate) + minLrRate;
            return Math.max(0, f);
        }
    }

    /**
     * {@code get_cosine_with_hard_restarts_schedule_with_warmup}: then 0 from {@code p >= 1}, else
     * {@code max(0, 0.5 (1 + cos(pi * ((num_cycles * p) % 1.0))))}.
     */
    record CosineWithHardRestarts(long numWarmupSteps, long numTrainingSteps, double numCycles) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_cosine_with_hard_restarts_schedule_with_warmup";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return warmup(currentStep, numWarmupSteps);
            }
            double progress = (double) (currentStep - numWarmupSteps) / (double) Math.max(1, numTrainingSteps - numWarmupSteps);
            if (progress >= 1.0) {
                return 0.0;
            }
            return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * PyOps.mod(numCycles * progress, 1.0))));
        }
    }

    /**
     * {@code get_polynomial_decay_schedule_with_warmup}: then {@code lr_end / lr_init} past {@code T}, else
     * {@code ((lr_init - lr_end) * (1 - (step - warmup) / (T - warmup)) ** power + lr_end) / lr_init}, with
     * {@code lr_init} the optimizer's default lr ({@code optimizer.defaults["lr"]}).
     */
    record PolynomialDecayWithWarmup(long numWarmupSteps, long numTrainingSteps, double lrEnd, double power,
            double lrInit) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_polynomial_decay_schedule_with_warmup";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return warmup(currentStep, numWarmupSteps);
            } else if (currentStep > numTrainingSteps) {
                return PyOps.div(lrEnd, lrInit);
            }
            double lrRange = lrInit - lrEnd;
            long decaySteps = numTrainingSteps - numWarmupSteps;
            double pctRemaining = 1 - PyOps.div(currentStep - numWarmupSteps, decaySteps);
            double decay = lrRange * PyOps.pow(pctRemaining, power) + lrEnd;
            return PyOps.div(decay, lrInit);
        }
    }

    /** {@code get_inverse_sqrt_schedule}: then {@code 1 / sqrt((step + timescale - warmup) / timescale)}. */
    record InverseSqrt(long numWarmupSteps, long timescale) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_inverse_sqrt_schedule";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                return warmup(currentStep, numWarmupSteps);
            }
            long shift = timescale - numWarmupSteps;
            return 1.0 / PyOps.sqrt(PyOps.div(currentStep + shift, timescale));
        }
    }

    /**
     * {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}: warmup {@code (step + 1) / max(1, warmup)}
     * or, with {@code warmup_lr_rate}, {@code r + (1 - r) * step / max(1, warmup - 1)}; then the cosine of
     * {@code p = (step - warmup + 1) / max(1, T - warmup)} floored at {@code min_lr_rate}.
     * {@code warmupLrRate} is NaN for Python's {@code None}.
     */
    record CosineWithMinLrWarmupLrRate(long numWarmupSteps, long numTrainingSteps, double numCycles, double minLrRate,
            double warmupLrRate) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_cosine_with_min_lr_schedule_with_warmup_lr_rate";
        }

        @Override
        public double factor(long step) {
            double currentStep = step;
            double warmup = numWarmupSteps;
            double total = numTrainingSteps;
            if (currentStep < warmup) {
                if (Double.isNaN(warmupLrRate)) {
                    return (currentStep + 1.) / Math.max(1., warmup);
                }
                return warmupLrRate + (1.0 - warmupLrRate) * currentStep / Math.max(1, warmup - 1);
            }
            double progress = (currentStep - warmup + 1.) / Math.max(1., total - warmup);
            double f = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
            f = f * (1 - minLrRate) + minLrRate;
            return Math.max(0, f);
        }
    }

    /**
     * {@code get_wsd_schedule}: warmup, stable at 1, decay, then {@code min_lr_ratio}; warmup and decay
     * factors {@code f} of their progress ({@link WarmupShape}) are floored as
     * {@code max(0, f (1 - min_lr_ratio) + min_lr_ratio)}.
     */
    record Wsd(long numWarmupSteps, long numStableSteps, long numDecaySteps, WarmupShape warmupType,
            WarmupShape decayType, double minLrRatio, double numCycles) implements ScheduleLambda {
        @Override
        public String functionName() {
            return "get_wsd_schedule";
        }

        @Override
        public double factor(long currentStep) {
            if (currentStep < numWarmupSteps) {
                double progress = (double) currentStep / (double) Math.max(1, numWarmupSteps);
                double f = switch (warmupType) {
                    case LINEAR -> progress;
                    case COSINE -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
                    case ONE_MINUS_SQRT -> 1.0 - PyOps.sqrt(1.0 - progress);
                };
                f = f * (1.0 - minLrRatio) + minLrRatio;
                return Math.max(0.0, f);
            }
            if (currentStep < numWarmupSteps + numStableSteps) {
                return 1.0;
            }
            if (currentStep < numWarmupSteps + numStableSteps + numDecaySteps) {
                double progress = (double) (currentStep - numWarmupSteps - numStableSteps)
                        / (double) Math.max(1, numDecaySteps);
                double f = switch (decayType) {
                    case LINEAR -> 1.0 - progress;
                    case COSINE -> 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
                    case ONE_MINUS_SQRT -> 1.0 - PyOps.sqrt(progress);
                };
                f = f * (1.0 - minLrRatio) + minLrRatio;
                return Math.max(0.0, f);
            }
            return minLrRatio;
        }
    }
}
