package org.lr4j.factory;

import java.util.List;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;
import org.lr4j.noise.NoiseRange;
import org.lr4j.schedule.AbstractLRScheduler;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PlateauLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * timm's {@code create_scheduler_v2} from train.py's flags.
 *
 * <ul>
 *   <li>{@code t_initial = epochs}, {@code warmup_t = warmup_epochs}, {@code decay_t = decay_epochs},
 *       {@code cooldown_t = cooldown_epochs}; with {@code sched_on_updates} each of these and every
 *       milestone is multiplied by {@code updates_per_epoch} and the scheduler runs in update mode.</li>
 *   <li>Noise: two fractions {@code [a, b]} become {@code [a * t_initial, b * t_initial]}; one fraction
 *       becomes the number {@code a * t_initial}; {@code noise_seed = seed}.</li>
 *   <li>tanh, cosine, poly take {@code lr_min = min_lr}, the cycle flags, the warmup flags and the noise;
 *       cosine and poly take {@code k_decay}; poly takes {@code power = decay_rate}.</li>
 *   <li>step and multistep take {@code decay_rate}, the warmup flags ({@code warmup_prefix} from the
 *       flag, default false), the noise and the mode; plateau (epoch mode only) takes
 *       {@code decay_rate}, {@code patience_t = patience_epochs}, {@code cooldown_t = 0}, the warmup
 *       without prefix, {@code lr_min = min_lr}, mode {@code min} when {@code eval_metric} contains
 *       {@code loss}, else {@code max}, and the noise.</li>
 *   <li>Epochs to train: {@code cycle_length() + cooldown_t} for the cyclic schedules (in update mode,
 *       integer-divided by {@code updates_per_epoch}); otherwise {@code epochs}, plus
 *       {@code warmup_epochs} when {@code warmup_prefix} is set.</li>
 * </ul>
 *
 * <p>Example (asserted by {@code FactoryTest}): {@code --sched tanh --epochs 20 --lr-cycle-limit 3
 * --lr-cycle-mul 1.5 --cooldown-epochs 5} trains {@code floor(20 * (1.5^3 - 1) / 0.5) + 5 = 100} epochs.
 */
public final class SchedulerFactory {
    private SchedulerFactory() {
    }

    /**
     * Creates the scheduler train.py would create for {@code config} on {@code groups}.
     *
     * @param updatesPerEpoch batches per epoch; must be {@code > 0} with {@code sched_on_updates}
     * @throws IllegalArgumentException when {@code sched_on_updates} is set without updates per epoch,
     *     with plateau, a derived parameter breaks its scheduler's rule, or a count in updates or the
     *     number of epochs does not fit in a {@code long}
     */
    public static CreatedScheduler create(SchedulerConfig config, ParamGroups groups, long updatesPerEpoch) {
        Checks.notNull("config", config);
        Checks.notNull("param_groups", groups);
        boolean onEpochs = !config.schedOnUpdates();
        long upe = 1;
        if (!onEpochs) {
            if (config.sched().equals("plateau")) {
                throw new IllegalArgumentException("sched_on_updates must be false for plateau (it steps on epochs only), got true");
            }
            if (updatesPerEpoch <= 0) {
                throw new IllegalArgumentException("updates_per_epoch must be > 0 with sched_on_updates, got "
                        + updatesPerEpoch);
            }
            upe = updatesPerEpoch;
        }
        long tInitial = inUpdates("epochs", config.epochs(), upe);
        long warmupT = inUpdates("warmup_epochs", config.warmupEpochs(), upe);
        double decayT = finiteProduct("decay_epochs", config.decayEpochs(), upe);
        long cooldownT = inUpdates("cooldown_epochs", config.cooldownEpochs(), upe);
        double[] milestones = new double[config.decayMilestones().size()];
        for (int i = 0; i < milestones.length; i++) {
            milestones[i] = finiteProduct("decay_milestones[" + i + "]", config.decayMilestones().get(i), upe);
        }
        if (config.lrNoise() != null) {
            for (int i = 0; i < config.lrNoise().size(); i++) {
                finiteProduct("lr_noise[" + i + "]", config.lrNoise().get(i), tInitial);
            }
        }
        NoiseRange noise = noiseRange(config.lrNoise(), tInitial);
        try {
            return create(config, groups, upe, onEpochs, tInitial, warmupT, decayT, cooldownT, milestones, noise);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inFlagNames(e.getMessage(), config.sched()), e);
        }
    }

    private static CreatedScheduler create(SchedulerConfig config, ParamGroups groups, long upe, boolean onEpochs,
            long tInitial, long warmupT, double decayT, long cooldownT, double[] milestones, NoiseRange noise) {
        LRScheduler scheduler = switch (config.sched()) {
            case "tanh" -> {
                TanhLRScheduler.Builder b = TanhLRScheduler.builder(groups, tInitial).profile(config.timm())
                        .lrMin(config.minLr()).cycleMul(config.lrCycleMul()).cycleLimit(config.lrCycleLimit());
                if (config.timm() == org.lr4j.schedule.Profile.CURRENT) {
                    b.cycleDecay(config.lrCycleDecay()).warmupPrefix(config.warmupPrefix());
                }
                if (config.lb() != null) {
                    b.lb(config.lb());
                }
                if (config.ub() != null) {
                    b.ub(config.ub());
                }
                yield common(b, config, warmupT, onEpochs, noise).build();
            }
            case "cosine" -> common(CosineLRScheduler.builder(groups, tInitial).lrMin(config.minLr())
                    .cycleMul(config.lrCycleMul()).cycleDecay(config.lrCycleDecay()).cycleLimit(config.lrCycleLimit())
                    .kDecay(config.lrKDecay()).warmupPrefix(config.warmupPrefix()), config, warmupT, onEpochs, noise)
                    .build();
            case "poly" -> common(PolyLRScheduler.builder(groups, tInitial).lrMin(config.minLr())
                    .cycleMul(config.lrCycleMul()).cycleDecay(config.lrCycleDecay()).cycleLimit(config.lrCycleLimit())
                    .kDecay(config.lrKDecay()).power(config.decayRate()).warmupPrefix(config.warmupPrefix()),
                    config, warmupT, onEpochs, noise).build();
            case "step" -> common(StepLRScheduler.builder(groups, decayT).decayRate(config.decayRate())
                    .warmupPrefix(config.warmupPrefix()), config, warmupT, onEpochs, noise).build();
            case "multistep" -> common(MultiStepLRScheduler.builder(groups, milestones).decayRate(config.decayRate())
                    .warmupPrefix(config.warmupPrefix()), config, warmupT, onEpochs, noise).build();
            case "plateau" -> common(PlateauLRScheduler.builder(groups).decayRate(config.decayRate())
                    .patienceT(config.patienceEpochs()).cooldownT(0).lrMin(config.minLr())
                    .mode(config.evalMetric().contains("loss") ? PlateauLRScheduler.Mode.MIN : PlateauLRScheduler.Mode.MAX),
                    config, warmupT, true, noise).build();
            default -> throw new IllegalArgumentException("sched must be one of "
                    + String.join(", ", SchedulerConfig.SCHEDULERS) + ", got " + config.sched());
        };

        long numEpochs;
        try {
            if (scheduler instanceof CyclicLRScheduler cyclic) {
                long t = Math.addExact(cyclic.cycleLength(), cooldownT);
                numEpochs = onEpochs ? t : t / upe;
            } else {
                numEpochs = Math.addExact(config.epochs(), config.warmupPrefix() ? config.warmupEpochs() : 0);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("the number of epochs to train must fit in a long, got more"
                    + " than " + Long.MAX_VALUE + " (epochs=" + config.epochs() + ", lr_cycle_mul=" + config.lrCycleMul()
                    + ", lr_cycle_limit=" + config.lrCycleLimit() + ", cooldown_epochs=" + config.cooldownEpochs()
                    + ", warmup_epochs=" + config.warmupEpochs() + ")", e);
        }
        return new CreatedScheduler(scheduler, numEpochs);
    }

    /**
     * A scheduler's message in train.py's flag names: a message from a scheduler's builder starts with the
     * scheduler parameter's name ({@code cycle_decay must ...}), which becomes the flag it came from
     * ({@code lr_cycle_decay must ...}).
     */
    static String inFlagNames(String message, String sched) {
        int end = 0;
        while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
            end++;
        }
        String flag = switch (message.substring(0, end)) {
            case "t_initial" -> "epochs";
            case "warmup_t" -> "warmup_epochs";
            case "warmup_lr_init" -> "warmup_lr";
            case "lr_min" -> "min_lr";
            case "cycle_mul" -> "lr_cycle_mul";
            case "cycle_decay" -> "lr_cycle_decay";
            case "cycle_limit" -> "lr_cycle_limit";
            case "k_decay" -> "lr_k_decay";
            case "power" -> "decay_rate";
            case "patience_t" -> "patience_epochs";
            case "noise_pct" -> "lr_noise_pct";
            case "noise_std" -> "lr_noise_std";
            case "noise_range_t" -> "lr_noise";
            case "decay_t" -> sched.equals("multistep") ? "decay_milestones" : "decay_epochs";
            default -> null;
        };
        return flag == null ? message : flag + message.substring(end);
    }

    /** {@code value * factor}, refused when it overflows. */
    private static double finiteProduct(String flag, double value, long factor) {
        double product = value * factor;
        if (!Double.isFinite(product)) {
            throw new IllegalArgumentException(flag + " * " + (flag.startsWith("lr_noise") ? "t_initial" : "updates_per_epoch")
                    + " must be finite, got " + value + " * " + factor);
        }
        return product;
    }

    /** {@code epochs * updatesPerEpoch}, refused when it does not fit in a {@code long}. */
    private static long inUpdates(String flag, long epochs, long updatesPerEpoch) {
        try {
            return Math.multiplyExact(epochs, updatesPerEpoch);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(flag + " * updates_per_epoch must be <= " + Long.MAX_VALUE + ", got "
                    + epochs + " * " + updatesPerEpoch, e);
        }
    }

    private static <B extends AbstractLRScheduler.Builder<B, ?>> B common(B b, SchedulerConfig c, long warmupT,
            boolean onEpochs, NoiseRange noise) {
        return b.warmupT(warmupT).warmupLrInit(c.warmupLr()).tInEpochs(onEpochs).noiseRangeT(noise)
                .noisePct(c.lrNoisePct()).noiseStd(c.lrNoiseStd()).noiseSeed(c.seed());
    }

    /** The noise range for {@code --lr-noise} fractions of {@code tInitial}. */
    static NoiseRange noiseRange(List<Double> fractions, long tInitial) {
        if (fractions == null) {
            return NoiseRange.none();
        }
        if (fractions.size() == 1) {
            return NoiseRange.from(fractions.get(0) * tInitial);
        }
        return NoiseRange.between(fractions.get(0) * tInitial, fractions.get(1) * tInitial);
    }
}
