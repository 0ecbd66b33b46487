package org.lr4j.transformers;

import org.lr4j.schedule.InvalidValueException;
import org.lr4j.group.ParamGroups;
import org.lr4j.torch.LambdaLR;
import org.lr4j.torch.ReduceLROnPlateau;

/**
 * Hugging Face transformers' schedule functions ({@code transformers/optimization.py}, 2026), each a
 * PyTorch {@link LambdaLR} over a {@link ScheduleLambda}: the groups' rate at step {@code t} is
 * {@code initial_lr * factor(t)}. The method names are transformers' function names in camelCase; the
 * optimizer is the {@link ParamGroups} (and, where transformers reads {@code optimizer.defaults["lr"]},
 * the parameter {@code optimizerLr}). transformers validates little, and neither does lr4j beyond what
 * transformers refuses; where its formula raises at a step (a division by zero) the step raises
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(5e-5);
 * LambdaLR s = Transformers.getLinearScheduleWithWarmup(groups, 10, 100);
 * groups.lr(0);   // 0.0 (step 0 of the warmup)
 * s.step();       // 5e-06
 * }</pre>
 */
public final class Transformers {
    private Transformers() {
    }

    /**
     * {@code get_constant_schedule(optimizer)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when a group has no lr
     */
    public static LambdaLR getConstantSchedule(ParamGroups groups) {
        return LambdaLR.of(groups, new ScheduleLambda.Constant());
    }

    /**
     * {@code get_constant_schedule_with_warmup(optimizer, num_warmup_steps)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when a group has no lr
     */
    public static LambdaLR getConstantScheduleWithWarmup(ParamGroups groups, long numWarmupSteps) {
        return LambdaLR.of(groups, new ScheduleLambda.ConstantWithWarmup(numWarmupSteps));
    }

    /**
     * {@code get_linear_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when a group has no lr
     */
    public static LambdaLR getLinearScheduleWithWarmup(ParamGroups groups, long numWarmupSteps, long numTrainingSteps) {
        return LambdaLR.of(groups, new ScheduleLambda.LinearWithWarmup(numWarmupSteps, numTrainingSteps));
    }

    /**
     * {@code get_cosine_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=0.5)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param numCycles {@code num_cycles}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when {@code numCycles} is not finite or a group has no lr
     */
    public static LambdaLR getCosineScheduleWithWarmup(ParamGroups groups, long numWarmupSteps, long numTrainingSteps,
            double numCycles) {
        finite("num_cycles", numCycles);
        return LambdaLR.of(groups, new ScheduleLambda.CosineWithWarmup(numWarmupSteps, numTrainingSteps, numCycles, 0.0,
                "get_cosine_schedule_with_warmup"));
    }

    /**
     * {@code get_cosine_with_hard_restarts_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=1)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param numCycles {@code num_cycles}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when {@code numCycles} is not finite or a group has no lr
     */
    public static LambdaLR getCosineWithHardRestartsScheduleWithWarmup(ParamGroups groups, long numWarmupSteps,
            long numTrainingSteps, double numCycles) {
        finite("num_cycles", numCycles);
        return LambdaLR.of(groups, new ScheduleLambda.CosineWithHardRestarts(numWarmupSteps, numTrainingSteps, numCycles));
    }

    /**
     * {@code get_polynomial_decay_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps,
     * lr_end=1e-7, power=1.0)}, with {@code lr_init = optimizer.defaults["lr"]} given as {@code optimizerLr}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param optimizerLr {@code optimizer_lr}
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param lrEnd {@code lr_end}
     * @param power {@code power}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when {@code lr_end >= lr_init} (transformers: lr_end must be smaller
     *     than initial lr), a number is not finite, or a group has no lr
     */
    public static LambdaLR getPolynomialDecayScheduleWithWarmup(ParamGroups groups, double optimizerLr,
            long numWarmupSteps, long numTrainingSteps, double lrEnd, double power) {
        finite("lr_end", lrEnd);
        finite("power", power);
        finite("optimizer lr", optimizerLr);
        if (!(optimizerLr > lrEnd)) {
            throw new InvalidValueException("lr_end", "must be smaller than the optimizer's lr (lr_end (" + lrEnd + ") must be smaller than initial lr (" + optimizerLr + "))",
                    String.valueOf(lrEnd));
        }
        return LambdaLR.of(groups, new ScheduleLambda.PolynomialDecayWithWarmup(numWarmupSteps, numTrainingSteps, lrEnd,
                power, optimizerLr));
    }

    /**
     * {@code get_inverse_sqrt_schedule(optimizer, num_warmup_steps, timescale=None)}: {@code timescale}
     * null means {@code num_warmup_steps or 10_000}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param timescale {@code timescale}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when a group has no lr
     */
    public static LambdaLR getInverseSqrtSchedule(ParamGroups groups, long numWarmupSteps, Long timescale) {
        long t = timescale != null ? timescale : (numWarmupSteps != 0 ? numWarmupSteps : 10_000);
        return LambdaLR.of(groups, new ScheduleLambda.InverseSqrt(numWarmupSteps, t));
    }

    /**
     * {@code get_cosine_with_min_lr_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps,
     * num_cycles=0.5, min_lr=None, min_lr_rate=None)}: exactly one of {@code minLr} (divided by
     * {@code optimizer.defaults["lr"]}, here {@code optimizerLr}) and {@code minLrRate}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param optimizerLr {@code optimizer_lr}
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param numCycles {@code num_cycles}
     * @param minLr {@code min_lr}
     * @param minLrRate {@code min_lr_rate}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException when both or neither of {@code minLr} and {@code minLrRate} are
     *     given (transformers' {@code ValueError}s), a number is not finite, or a group has no lr
     */
    public static LambdaLR getCosineWithMinLrScheduleWithWarmup(ParamGroups groups, double optimizerLr,
            long numWarmupSteps, long numTrainingSteps, double numCycles, Double minLr, Double minLrRate) {
        finite("num_cycles", numCycles);
        double rate = minLrRate(optimizerLr, minLr, minLrRate);
        return LambdaLR.of(groups, new ScheduleLambda.CosineWithWarmup(numWarmupSteps, numTrainingSteps, numCycles, rate,
                "get_cosine_with_min_lr_schedule_with_warmup"));
    }

    /**
     * {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate(optimizer, num_warmup_steps,
     * num_training_steps, num_cycles=0.5, min_lr=None, min_lr_rate=None, warmup_lr_rate=None)}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param optimizerLr {@code optimizer_lr}
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param numCycles {@code num_cycles}
     * @param minLr {@code min_lr}
     * @param minLrRate {@code min_lr_rate}
     * @param warmupLrRate {@code warmup_lr_rate}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws IllegalArgumentException as {@link #getCosineWithMinLrScheduleWithWarmup}
     */
    public static LambdaLR getCosineWithMinLrScheduleWithWarmupLrRate(ParamGroups groups, double optimizerLr,
            long numWarmupSteps, long numTrainingSteps, double numCycles, Double minLr, Double minLrRate,
            Double warmupLrRate) {
        finite("num_cycles", numCycles);
        double rate = minLrRate(optimizerLr, minLr, minLrRate);
        if (warmupLrRate != null) {
            finite("warmup_lr_rate", warmupLrRate);
        }
        return LambdaLR.of(groups, new ScheduleLambda.CosineWithMinLrWarmupLrRate(numWarmupSteps, numTrainingSteps,
                numCycles, rate, warmupLrRate == null ? Double.NaN : warmupLrRate));
    }

    private static double minLrRate(double optimizerLr, Double minLr, Double minLrRate) {
        if (minLr != null && minLrRate != null) {
            throw new InvalidValueException("min_lr", "and min_lr_rate must not both be set (Only one of min_lr or" + " min_lr_rate should be set)",
                    String.valueOf(minLr + " and " + minLrRate));
        } else if (minLr != null) {
            finite("min_lr", minLr);
            if (optimizerLr == 0) {
                throw new InvalidValueException("the optimizer's lr", "must not be 0 with min_lr (transformers divides"
                        + " min_lr by it)", "0.0");
            }
            return minLr / optimizerLr;
        } else if (minLrRate == null) {
            throw new InvalidValueException("min_lr or min_lr_rate", "must be set (One of min_lr or min_lr_rate should"
                    + " be set through the `lr_scheduler_kwargs`)", "neither");
        }
        return finite("min_lr_rate", minLrRate);
    }

    /**
     * {@code get_wsd_schedule(optimizer, num_warmup_steps, num_decay_steps, num_training_steps=None,
     * num_stable_steps=None, warmup_type="linear", decay_type="cosine", min_lr_ratio=0, num_cycles=0.5)}:
     * {@code numStableSteps} wins when both it and {@code numTrainingSteps} are given (transformers warns);
     * without it, {@code num_training_steps - num_warmup_steps - num_decay_steps}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param numWarmupSteps {@code num_warmup_steps}
     * @param numDecaySteps {@code num_decay_steps}
     * @param numTrainingSteps {@code num_training_steps}
     * @param numStableSteps {@code num_stable_steps}
     * @param warmupType {@code warmup_type}
     * @param decayType {@code decay_type}
     * @param minLrRatio {@code min_lr_ratio}
     * @param numCycles {@code num_cycles}
     * @return the schedule, a {@code LambdaLR} over the groups
     * @throws NullPointerException when a shape is null
     * @throws IllegalArgumentException when neither {@code numTrainingSteps} nor {@code numStableSteps} is
     *     given (transformers' {@code ValueError}), a number is not finite, or a group has no lr
     */
    public static LambdaLR getWsdSchedule(ParamGroups groups, long numWarmupSteps, long numDecaySteps,
            Long numTrainingSteps, Long numStableSteps, WarmupShape warmupType, WarmupShape decayType, double minLrRatio,
            double numCycles) {
        if (numTrainingSteps == null && numStableSteps == null) {
            throw new InvalidValueException("num_training_steps or num_stable_steps", "must be given (Either"
                    + " num_training_steps or num_stable_steps must be specified.)", "neither");
        }
        if (warmupType == null || decayType == null) {
            throw new NullPointerException("warmup_type and decay_type must be given, got null");
        }
        finite("min_lr_ratio", minLrRatio);
        finite("num_cycles", numCycles);
        long stable = numStableSteps != null ? numStableSteps : numTrainingSteps - numWarmupSteps - numDecaySteps;
        return LambdaLR.of(groups, new ScheduleLambda.Wsd(numWarmupSteps, stable, numDecaySteps, warmupType, decayType,
                minLrRatio, numCycles));
    }

    /**
     * {@code get_reduce_on_plateau_schedule(optimizer, **kwargs)}: PyTorch's {@link ReduceLROnPlateau}'s builder.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return a builder of the plateau scheduler, with transformers' defaults
     */
    public static ReduceLROnPlateau.Builder getReduceOnPlateauSchedule(ParamGroups groups) {
        return ReduceLROnPlateau.builder(groups);
    }

    private static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidValueException(name, "must be a finite number", String.valueOf(v));
        }
        return v;
    }
}
